import type { ServiceInstitution } from '@ledger/domain';
import { platformEvent } from '../../platforms/testing/platform-events';
import { platformYearKey } from '../../platform-year-metrics/platform-year-metrics.projection';
import {
  id,
  log,
  PLATFORM_ID,
  uscc,
  YEAR,
  yearEvent,
  type Placement,
} from '../../platform-year-metrics/testing/year-events';
import { foldEvents, viewsOf, type ProjectedEvent } from '../../shared/projection';
import {
  allSignals,
  fraudSignals,
  type FraudRuleId,
  type FraudSignal,
} from '../fraud-signals.projection';

/** Spec helpers for the fraud-signals projection, on top of the metrics' year-event builders. */

export const KEY = platformYearKey(PLATFORM_ID, YEAR);
export const OTHER_PLATFORM = 'cq-fuling-window';

/** Every signal the events raise (folded in this order), as the API lists them. */
export function signalsOf(...events: readonly ProjectedEvent[]): FraudSignal[] {
  return allSignals(viewsOf(fraudSignals, foldEvents(fraudSignals, log(...events))).values());
}

/** The signals of one rule, optionally of one clause. */
export function signalsOfRule(
  ruleId: FraudRuleId,
  kind: string | null,
  ...events: readonly ProjectedEvent[]
): FraudSignal[] {
  return signalsOf(...events).filter(
    (signal) => signal.ruleId === ruleId && (kind === null || signal.kind === kind),
  );
}

/** The store clock `seconds` after 2025-05-20 02:30 UTC (10:30 Beijing). */
export function recordedAfter(seconds: number): string {
  return new Date(Date.UTC(2025, 4, 20, 2, 30) + seconds * 1000).toISOString();
}

/** ids n, n+1, …, n+count-1. */
export function ids(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => id(from + index));
}

export function financing(
  n: number,
  lender: string,
  contractNumber: string,
  amountFen: number,
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'FinancingDealRecorded',
    n,
    { enterpriseUscc: uscc(n), lender, product: '信用贷', contractNumber, amountFen },
    at,
  );
}

export function upload(
  n: number,
  sha256: string,
  evidences: readonly string[],
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'MaterialUploaded',
    n,
    {
      kind: 'sign_in_sheet',
      sha256,
      sizeBytes: 2048,
      mediaType: 'image/jpeg',
      originalName: '签到表.jpg',
      evidences,
      description: '活动签到表',
    },
    at,
  );
}

/** An operator profile (platform stream) listing the institutions, effective from `asOf`. */
export function profile(
  n: number,
  institutions: readonly ServiceInstitution[],
  asOf = '2024-12-01',
  platformId = PLATFORM_ID,
): ProjectedEvent {
  return platformEvent(
    'OperatorProfileUpdated',
    n,
    {
      asOf,
      assetsFen: 300_000_000,
      revenueFen: 100_000_000,
      operatingSince: '2018-01-01',
      siteAreaM2: 500,
      staff: [],
      institutions,
      creditStatus: 'good',
    },
    platformId,
  );
}

export function resident(
  n: number,
  enterpriseUscc: string,
  enterpriseName: string,
  at: Placement = {},
): ProjectedEvent {
  return yearEvent('ResidentEnterpriseJoined', n, { enterpriseUscc, enterpriseName }, at);
}
