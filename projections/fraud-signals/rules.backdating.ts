import type { FraudSignal } from './fraud-signals.view';
import { yearSignal, type EventRef } from './fraud.signal';
import { beijingDate } from './fraud.text';
import type { YearIndex } from './fraud.year-index';

type DatedRef = EventRef & {
  readonly occurredMs: number | null;
  readonly recordedMs: number | null;
};

/**
 * F-6 backdating: records S1-1 counts (activities, services, ratings, deals, trainings,
 * recruitments, matchmaking deals, tech demands, resident enterprises, items) dated inside the
 * period but recorded (store clock) after it ended; high when some came after the evidence
 * deadline too, which S1-1 does not count. One signal per platform-year.
 */
export function backdatingSignals(index: YearIndex): FraudSignal[] {
  const { periodStartMs, periodEndMs, evidenceDeadlineEndMs } = index.windows;
  const late: DatedRef[] = [];
  let afterDeadline = 0;
  const read = (records: readonly DatedRef[]): void => {
    for (const record of records) {
      const { occurredMs, recordedMs } = record;
      if (occurredMs === null || occurredMs < periodStartMs || occurredMs >= periodEndMs) continue;
      if (recordedMs === null || recordedMs < periodEndMs) continue;
      late.push(record);
      if (recordedMs >= evidenceDeadlineEndMs) afterDeadline += 1;
    }
  };
  read(index.services);
  read(index.activities);
  read(index.ratings);
  read(index.trainings);
  read(index.deals);
  read(index.residents);
  read(index.counted);
  if (late.length === 0 || late.length < index.thresholds.backdatedRecords) return [];
  const periodEnd = beijingDate(periodEndMs - 1);
  const deadline = beijingDate(evidenceDeadlineEndMs - 1);
  const count = String(late.length);
  return [
    yearSignal(index, 'F-6', null, {
      kind: 'recorded_after_period',
      subject: ['backdated'],
      severity: afterDeadline > 0 ? 'high' : 'low',
      events: late,
      figures: {
        records: late.length,
        afterPeriodEnd: late.length - afterDeadline,
        afterEvidenceDeadline: afterDeadline,
        periodEnd,
        evidenceDeadline: deadline,
      },
      zh: `${count} 条记录发生于实施期内（截至 ${periodEnd}），却在实施期结束后才录入，其中 ${String(afterDeadline)} 条晚于材料报送截止日 ${deadline}`,
      en: `${count} records dated inside the period (to ${periodEnd}) were recorded after it ended, ${String(afterDeadline)} of them after the evidence deadline ${deadline}`,
    }),
  ];
}
