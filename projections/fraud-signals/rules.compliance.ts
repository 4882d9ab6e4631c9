import type { FraudSignal } from './fraud-signals.view';
import type { VerdictEntry } from './fraud.doc';
import { yearSignal, type EventRef } from './fraud.signal';
import { beijingDate } from './fraud.text';
import type { YearIndex } from './fraud.year-index';

/**
 * F-10 compliance triggers: enough verified complaints (S3-7), and a 失信被执行人 listing dated
 * inside S1-1's period (S1-6). Neither is about fabricated records.
 */
export function complianceSignals(index: YearIndex): FraudSignal[] {
  return [...verifiedComplaints(index), ...dishonestDebtor(index)];
}

/**
 * Distinct standing complaints whose latest standing verification upheld them, as the metrics
 * count `complaintsUpheld` (a later verification of a complaint replaces the earlier one).
 */
function verifiedComplaints(index: YearIndex): FraudSignal[] {
  const latest = new Map<string, VerdictEntry>();
  for (const verdict of index.verdicts) latest.set(verdict.complaintId, verdict);
  const events: EventRef[] = [];
  let upheld = 0;
  for (const [complaintId, verdict] of latest) {
    const complaint = index.complaints.get(complaintId);
    if (!verdict.upheld || complaint === undefined) continue;
    upheld += 1;
    events.push(complaint, verdict);
  }
  const bar = index.thresholds.upheldComplaints;
  if (upheld < bar) return [];
  return [
    yearSignal(index, 'F-10', null, {
      kind: 'verified_complaints',
      subject: ['verified-complaints'],
      severity: 'high',
      events,
      figures: { upheldComplaints: upheld, threshold: bar },
      zh: `本年度有 ${String(upheld)} 件投诉经核实属实（达到 ${String(bar)} 件即提示，S3-7）`,
      en: `${String(upheld)} complaints were verified and upheld this year (the signal fires from ${String(bar)}, S3-7)`,
    }),
  ];
}

function dishonestDebtor(index: YearIndex): FraudSignal[] {
  const { periodStartMs, periodEndMs } = index.windows;
  const listings = index.credits.filter(
    (credit) =>
      credit.creditKind === 'dishonest_debtor' &&
      credit.occurredMs !== null &&
      credit.occurredMs >= periodStartMs &&
      credit.occurredMs < periodEndMs,
  );
  if (listings.length === 0) return [];
  const start = beijingDate(periodStartMs);
  const end = beijingDate(periodEndMs - 1);
  const count = String(listings.length);
  return [
    yearSignal(index, 'F-10', null, {
      kind: 'dishonest_debtor_in_period',
      subject: ['dishonest-debtor'],
      severity: 'high',
      events: listings,
      figures: { listings: listings.length, periodStart: start, periodEnd: end },
      zh: `实施期内（${start} 至 ${end}）有 ${count} 条失信被执行人记录（S1-6）`,
      en: `${count} 失信被执行人 (dishonest judgment debtor) listings dated inside the period (${start} to ${end}, S1-6)`,
    }),
  ];
}
