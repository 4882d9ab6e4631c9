import fc from 'fast-check';
import type { ServiceArea } from '@ledger/domain';
import type { ProjectedEvent } from '../../shared/projection';
import {
  activity,
  complaint,
  conduct,
  creditEvent,
  districtReview,
  expertScores,
  financingDeal,
  item,
  material,
  matchmakingDeal,
  missed,
  penalty,
  rating,
  recruitment,
  residentEnterprise,
  retraction,
  service,
  techDemand,
  training,
  uscc,
  verification,
  workPlan,
  type Placement,
} from './year-events';

/**
 * Random platform-years for property specs: records of every kind over a small pool of
 * enterprises and areas (so distinct counts collide), dated on both sides of S1-1's boundaries,
 * and random retractions of them.
 */

const ENTERPRISES = [1, 2, 3, 4, 5, 6].map(uscc);
const INSTITUTIONS = [901, 902].map(uscc);
const AREAS: readonly ServiceArea[] = [
  'consulting',
  'digital',
  'information',
  'technical',
  'tech_innovation',
  'training',
  'financing',
  'startup',
];

const WHEN: readonly Placement[] = [
  { occurredAt: '2025-05-20T10:00:00+08:00', recordedAt: '2025-05-20T02:30:00.000Z' },
  { occurredAt: '2025-09-30T23:59:59.999+08:00', recordedAt: '2025-10-10T15:59:59.999Z' },
  { occurredAt: '2025-09-01', recordedAt: '2025-10-10T16:00:00.000Z' },
  { occurredAt: '2025-10-01', recordedAt: '2025-10-02T02:00:00.000Z' },
];

const when = fc.constantFrom(...WHEN);
const area = fc.constantFrom(...AREAS);
const enterprise = fc.constantFrom(...ENTERPRISES);

/** A record to be numbered: `build(n, earlier)` sees the records before it (for references). */
type Recipe = (n: number, earlier: readonly ProjectedEvent[]) => ProjectedEvent;

const idsOf = (earlier: readonly ProjectedEvent[], type: string): number[] =>
  earlier.flatMap((event, index) => (event.type === type ? [index + 1] : []));

const recipe: fc.Arbitrary<Recipe> = fc.oneof(
  fc
    .record({
      area,
      online: fc.boolean(),
      attendees: fc.subarray(ENTERPRISES),
      personTimes: fc.nat(80),
      at: when,
    })
    .map(
      (r): Recipe =>
        (n) =>
          activity(
            n,
            {
              area: r.area,
              mode: r.online ? 'online' : 'offline',
              attendeeUsccs: r.attendees,
              personTimes: r.personTimes,
            },
            r.at,
          ),
    ),
  fc
    .record({
      area,
      online: fc.boolean(),
      fee: fc.constantFrom('free' as const, 'low_fee' as const, 'paid' as const),
      enterprise,
      institution: fc.option(fc.constantFrom(...INSTITUTIONS)),
      at: when,
    })
    .map(
      (r): Recipe =>
        (n) =>
          service(
            n,
            {
              area: r.area,
              mode: r.online ? 'online' : 'offline',
              feeKind: r.fee,
              enterpriseUscc: r.enterprise,
              institutionUscc: r.institution,
            },
            r.at,
          ),
    ),
  fc
    .record({
      pick: fc.nat(),
      value: fc.constantFrom(
        'very_satisfied' as const,
        'satisfied' as const,
        'dissatisfied' as const,
      ),
      source: fc.constantFrom('enterprise' as const, 'platform' as const),
      at: when,
    })
    .map((r): Recipe => (n, earlier) => {
      const services = idsOf(earlier, 'ServiceRecorded');
      const serviceN = services[r.pick % Math.max(services.length, 1)];
      // Without an earlier service the rating cites a record that does not exist.
      return rating(n, serviceN ?? 10_000, { rating: r.value, source: r.source }, r.at);
    }),
  fc.record({ amount: fc.nat(1_000_000_000), at: when }).map(
    (r): Recipe =>
      (n) =>
        financingDeal(n, r.amount, r.at),
  ),
  fc.record({ area, sessions: fc.nat(8), trainees: fc.nat(400), at: when }).map(
    (r): Recipe =>
      (n) =>
        training(n, r.sessions, r.trainees, r.area, r.at),
  ),
  fc.record({ positions: fc.nat(20), hires: fc.nat(20), at: when }).map(
    (r): Recipe =>
      (n) =>
        recruitment(n, r.positions, r.hires, r.at),
  ),
  fc.record({ amount: fc.nat(1_000_000), at: when }).map(
    (r): Recipe =>
      (n) =>
        matchmakingDeal(n, r.amount, r.at),
  ),
  when.map(
    (at): Recipe =>
      (n) =>
        techDemand(n, at),
  ),
  fc.record({ enterprise, at: when }).map(
    (r): Recipe =>
      (n) =>
        residentEnterprise(n, r.enterprise, r.at),
  ),
  fc
    .record({
      kind: fc.constantFrom('policy' as const, 'service' as const, 'demand' as const),
      at: when,
    })
    .map(
      (r): Recipe =>
        (n) =>
          item(n, r.kind, r.at),
    ),
  fc.constantFrom('site_area' as const, 'photo' as const).map(
    (kind): Recipe =>
      (n) =>
        material(n, kind),
  ),
  fc.subarray(['activities', 'enterprisesServed', 'financingFen', 'hires'], { minLength: 1 }).map(
    (indicators): Recipe =>
      (n) =>
        workPlan(
          n,
          indicators.map((indicator, index) => ({ indicator, area: null, target: index + 1 })),
        ),
  ),
  fc
    .record({ stage: fc.constantFrom('plan' as const, 'evidence' as const), score: fc.nat(10) })
    .map(
      (r): Recipe =>
        (n) =>
          districtReview(n, r.stage, r.score),
    ),
  fc.constant((n: number) => complaint(n)),
  fc.record({ pick: fc.nat(), upheld: fc.boolean() }).map((r): Recipe => (n, earlier) => {
    const complaints = idsOf(earlier, 'ComplaintFiled');
    return verification(n, complaints[r.pick % Math.max(complaints.length, 1)] ?? 10_000, r.upheld);
  }),
  fc.constant((n: number) => penalty(n, 'administrative')),
  fc.constant((n: number) => creditEvent(n, 'dishonest_debtor')),
  fc.constantFrom('p-1', null).map(
    (programId): Recipe =>
      (n) =>
        expertScores(n, programId, [n % 100, 70, 71, 72, 73]),
  ),
  fc.constant((n: number) => conduct(n, 'no_show')),
  fc.constantFrom('meeting' as const, 'task' as const).map(
    (kind): Recipe =>
      (n) =>
        missed(n, kind),
  ),
);

export interface RandomYear {
  /** Every record, with retractions interleaved after the records they retract. */
  readonly withRetractions: readonly ProjectedEvent[];
  /** The same records in the same order, without the retracted ones and the retractions. */
  readonly withoutRetracted: readonly ProjectedEvent[];
}

export const randomYear: fc.Arbitrary<RandomYear> = fc
  .record({
    recipes: fc.array(recipe, { maxLength: 40 }),
    retractions: fc.array(fc.record({ pick: fc.nat(), delay: fc.nat() }), { maxLength: 12 }),
  })
  .map(({ recipes, retractions }) => {
    const records: ProjectedEvent[] = [];
    for (const [index, build] of recipes.entries()) records.push(build(index + 1, records));
    // Each record is retracted at most once, at some point after it was recorded.
    const retracted = new Map<number, number>();
    if (records.length > 0) {
      for (const { pick, delay } of retractions) {
        const target = pick % records.length;
        if (!retracted.has(target)) {
          retracted.set(target, target + 1 + (delay % (records.length - target)));
        }
      }
    }
    const withRetractions: ProjectedEvent[] = [];
    let next = 1000;
    for (let index = 0; index <= records.length; index += 1) {
      for (const [target, at] of retracted) {
        if (at === index) withRetractions.push(retraction((next += 1), target + 1));
      }
      const record = records[index];
      if (record !== undefined) withRetractions.push(record);
    }
    return {
      withRetractions,
      withoutRetracted: records.filter((_, index) => !retracted.has(index)),
    };
  });
