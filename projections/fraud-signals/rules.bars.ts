import type { FraudSignal } from './fraud-signals.view';
import type { FraudBars } from './fraud.thresholds';
import { yearSignal, type EventRef } from './fraud.signal';
import { yuanText } from './fraud.text';
import type { YearIndex } from './fraud.year-index';

interface Figure {
  readonly value: number;
  readonly events: readonly EventRef[];
}

interface BarText {
  readonly kind: string;
  readonly subject: string;
  readonly zh: (value: string, bar: string) => string;
  readonly en: (value: string, bar: string) => string;
  readonly text: (amount: number) => string;
}

const BAR_TEXT: Readonly<Record<keyof FraudBars, BarText>> = {
  enterprisesServed: {
    kind: 'enterprises_served_at_bar',
    subject: 'enterprises-served',
    zh: (value, bar) => `服务企业 ${value} 家，恰在 ${bar} 家门槛上或略高于门槛`,
    en: (value, bar) => `${value} enterprises served, at or just above the bar of ${bar}`,
    text: String,
  },
  informationEnterprisesServedOffline: {
    kind: 'information_enterprises_served_offline_at_bar',
    subject: 'information-enterprises-served-offline',
    zh: (value, bar) => `信息服务线下服务企业 ${value} 家，恰在 ${bar} 家门槛上或略高于门槛`,
    en: (value, bar) =>
      `${value} enterprises served offline in information services, at or just above the bar of ${bar}`,
    text: String,
  },
  trainees: {
    kind: 'trainees_at_bar',
    subject: 'trainees',
    zh: (value, bar) => `培训 ${value} 人次，恰在 ${bar} 人次门槛上或略高于门槛`,
    en: (value, bar) => `${value} trainees (person-times), at or just above the bar of ${bar}`,
    text: String,
  },
  financingFen: {
    kind: 'financing_at_bar',
    subject: 'financing',
    zh: (value, bar) => `融资金额 ${value} 元，恰在 ${bar} 元门槛上或略高于门槛`,
    en: (value, bar) => `Financing of ${value} yuan, at or just above the bar of ${bar} yuan`,
    text: yuanText,
  },
  institutionsDelivering: {
    kind: 'institutions_at_bar',
    subject: 'institutions-delivering',
    zh: (value, bar) => `提供服务的服务机构 ${value} 家，恰在 ${bar} 家门槛上或略高于门槛`,
    en: (value, bar) =>
      `${value} service institutions delivering services, at or just above the bar of ${bar}`,
    text: String,
  },
};

/**
 * F-7 threshold hugging: a calendar-year figure equal to a bar or at most `barMarginPercent`
 * above it, counted as the metrics count the figure the packs gate on (calendar-year window,
 * standing records only): enterprises served in any mode (S4-1), the information function's
 * enterprises served offline (S3-2, S4-2), trainees (S3-2, S4-2), financing (S3-2, S4-2) and
 * institutions delivering services (S4-1).
 */
export function barSignals(index: YearIndex): FraudSignal[] {
  const { bars, barMarginPercent } = index.thresholds;
  const figures = figuresOf(index);
  const signals: FraudSignal[] = [];
  for (const name of Object.keys(BAR_TEXT) as (keyof FraudBars)[]) {
    const bar = bars[name];
    const { value, events } = figures[name];
    // In integers: bars reach 4e10 分, and value × 100 stays far below 2^53.
    if (value < bar || value * 100 > bar * (100 + barMarginPercent)) continue;
    const text = BAR_TEXT[name];
    const margin = `${String(barMarginPercent)}%`;
    signals.push(
      yearSignal(index, 'F-7', 'records', {
        kind: text.kind,
        subject: ['at-bar', text.subject],
        severity: 'low',
        events,
        figures: { value, bar, marginPercent: barMarginPercent },
        zh: `${text.zh(text.text(value), text.text(bar))}（${margin} 以内）`,
        en: `${text.en(text.text(value), text.text(bar))} (within ${margin})`,
      }),
    );
  }
  return signals;
}

function figuresOf(index: YearIndex): Record<keyof FraudBars, Figure> {
  const { yearStartMs, yearEndMs } = index.windows;
  const inYear = (record: { readonly occurredMs: number | null }): boolean =>
    record.occurredMs !== null && record.occurredMs >= yearStartMs && record.occurredMs < yearEndMs;
  const served = new Set<string>();
  const servedEvents: EventRef[] = [];
  const information = new Set<string>();
  const informationEvents: EventRef[] = [];
  const institutions = new Set<string>();
  const institutionEvents: EventRef[] = [];
  for (const service of index.services) {
    if (!inYear(service)) continue;
    served.add(service.uscc);
    servedEvents.push(service);
    if (service.offline && service.area === 'information') {
      information.add(service.uscc);
      informationEvents.push(service);
    }
    if (service.institution !== undefined) {
      institutions.add(service.institution);
      institutionEvents.push(service);
    }
  }
  for (const activity of index.activities) {
    if (!inYear(activity) || activity.attendees.length === 0) continue;
    for (const uscc of activity.attendees) served.add(uscc);
    servedEvents.push(activity);
    if (activity.offline && activity.area === 'information') {
      for (const uscc of activity.attendees) information.add(uscc);
      informationEvents.push(activity);
    }
  }
  let trainees = 0;
  const trainingEvents: EventRef[] = [];
  for (const training of index.trainings) {
    if (!inYear(training)) continue;
    trainees += training.personTimes;
    trainingEvents.push(training);
  }
  let financingFen = 0;
  const dealEvents: EventRef[] = [];
  for (const deal of index.deals) {
    if (!inYear(deal)) continue;
    financingFen += deal.amountFen;
    dealEvents.push(deal);
  }
  return {
    enterprisesServed: { value: served.size, events: servedEvents },
    informationEnterprisesServedOffline: { value: information.size, events: informationEvents },
    trainees: { value: trainees, events: trainingEvents },
    financingFen: { value: financingFen, events: dealEvents },
    institutionsDelivering: { value: institutions.size, events: institutionEvents },
  };
}
