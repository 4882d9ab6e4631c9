import { SERVICE_AREA_LABELS } from '@ledger/domain';
import type { FraudSignal } from './fraud-signals.view';
import type { ResidentEntry, ServiceEntry } from './fraud.doc';
import { yearSignal } from './fraud.signal';
import { beijingDayNumber, dayText, normaliseName } from './fraud.text';
import { pushTo, type YearIndex } from './fraud.year-index';

/**
 * F-1: one USCC under different enterprise names (service records, resident enterprises) within
 * the platform-year; names compared after NFKC and without whitespace. An invalid check
 * character never reaches the log (the API refuses it, D-USCC).
 */
export function identitySignals(index: YearIndex): FraudSignal[] {
  const byUscc = new Map<string, (ServiceEntry | ResidentEntry)[]>();
  for (const service of index.services) pushTo(byUscc, service.uscc, service);
  for (const resident of index.residents) pushTo(byUscc, resident.uscc, resident);
  const signals: FraudSignal[] = [];
  for (const [uscc, records] of byUscc) {
    const first = records[0];
    // Most enterprises are written one way: compare the raw text before normalising anything.
    if (first === undefined || records.every((record) => record.name === first.name)) continue;
    records.sort((a, b) => a.position - b.position);
    const names = new Map<string, string>();
    for (const record of records) {
      const normal = normaliseName(record.name);
      if (!names.has(normal)) names.set(normal, record.name);
    }
    if (names.size < 2) continue;
    const spellings = [...names.values()];
    signals.push(
      yearSignal(index, 'F-1', 'records', {
        kind: 'uscc_under_different_names',
        subject: ['different-names', uscc],
        severity: 'medium',
        events: records,
        figures: {
          uscc,
          names: names.size,
          records: records.length,
          enterpriseNames: spellings.join(' / '),
        },
        zh: `统一社会信用代码 ${uscc} 在 ${String(records.length)} 条记录中对应 ${String(names.size)} 个不同的企业名称：${spellings.join('、')}`,
        en: `USCC ${uscc} appears under ${String(names.size)} different enterprise names in ${String(records.length)} records: ${spellings.join(' / ')}`,
      }),
    );
  }
  return signals;
}

/**
 * F-2: the same USCC + service area + Beijing day on several service records, and one
 * enterprise counted on many service records in the year.
 */
export function duplicateSignals(index: YearIndex): FraudSignal[] {
  const { thresholds } = index;
  const sameDay = new Map<string, ServiceEntry[]>();
  const byUscc = new Map<string, ServiceEntry[]>();
  for (const service of index.services) {
    pushTo(byUscc, service.uscc, service);
    if (service.occurredMs === null) continue;
    const day = beijingDayNumber(service.occurredMs);
    pushTo(sameDay, `${service.uscc}|${service.area}|${String(day)}`, service);
  }
  const signals: FraudSignal[] = [];
  for (const services of sameDay.values()) {
    const first = services[0];
    if (first === undefined || first.occurredMs === null) continue;
    if (services.length < thresholds.sameDayServices) continue;
    const day = dayText(beijingDayNumber(first.occurredMs));
    const count = String(services.length);
    signals.push(
      yearSignal(index, 'F-2', 'records', {
        kind: 'same_enterprise_area_day',
        subject: ['same-day', first.uscc, first.area, day.replace(/-/g, '')],
        severity: 'medium',
        events: services,
        figures: { uscc: first.uscc, area: first.area, day, services: services.length },
        zh: `企业 ${first.uscc} 在 ${day} 同一服务领域（${SERVICE_AREA_LABELS[first.area]}）有 ${count} 条服务记录`,
        en: `Enterprise ${first.uscc} has ${count} service records in one service area (${first.area}) on ${day}`,
      }),
    );
  }
  for (const [uscc, services] of byUscc) {
    if (services.length < thresholds.servicesPerEnterprise) continue;
    const count = String(services.length);
    const bar = String(thresholds.servicesPerEnterprise);
    signals.push(
      yearSignal(index, 'F-2', 'records', {
        kind: 'enterprise_counted_many_times',
        subject: ['repeated-enterprise', uscc],
        severity: 'low',
        events: services,
        figures: { uscc, services: services.length, threshold: thresholds.servicesPerEnterprise },
        zh: `企业 ${uscc} 在本年度被计入 ${count} 条服务记录（达到 ${bar} 条即提示）`,
        en: `Enterprise ${uscc} is counted on ${count} service records this year (the signal fires from ${bar})`,
      }),
    );
  }
  return signals;
}
