import { countingWindows } from '../platform-year-metrics/metrics.calendar';
import type { FraudSignal } from './fraud-signals.view';
import type { PlatformDoc, ProfileEntry } from './fraud.doc';
import { makeSignal } from './fraud.signal';
import type { FraudThresholds } from './fraud.thresholds';

/**
 * F-9 paper institutions: service institutions the operator profile lists (what S4-1's ≥ 5
 * counts) with no standing service record naming them (institutionUscc) in the year. The
 * year's list is every profile in force at some time in it: the latest dated before the year
 * and those dated inside it (an institution listed in March and dropped in June was claimed).
 * Years are those with a service record or a submission; a platform without a profile, or a
 * year before its first profile, raises nothing.
 */
export function paperInstitutionSignals(
  doc: PlatformDoc,
  thresholds: FraudThresholds,
): FraudSignal[] {
  if (doc.profiles.length === 0) return [];
  const profiles = [...doc.profiles].sort(
    (a, b) =>
      (a.asOfMs ?? Number.NEGATIVE_INFINITY) - (b.asOfMs ?? Number.NEGATIVE_INFINITY) ||
      a.position - b.position,
  );
  const years = [...doc.delivered.keys()].sort((a, b) => a - b);
  const signals: FraudSignal[] = [];
  for (const year of years) {
    const { yearStartMs, yearEndMs } = countingWindows(year, thresholds.calendar);
    const inForce = profilesInForce(profiles, yearStartMs, yearEndMs);
    const listed = new Map<string, { name: string; profiles: Set<ProfileEntry> }>();
    for (const profile of inForce) {
      for (const institution of profile.institutions) {
        let entry = listed.get(institution.uscc);
        if (entry === undefined) {
          entry = { name: institution.name, profiles: new Set() };
          listed.set(institution.uscc, entry);
        }
        entry.profiles.add(profile);
      }
    }
    const delivered = doc.delivered.get(year);
    const paper = [...listed].filter(([uscc]) => (delivered?.get(uscc) ?? 0) === 0);
    if (paper.length === 0 || paper.length < thresholds.paperInstitutions) continue;
    const delivering = listed.size - paper.length;
    const bar = thresholds.bars.institutionsDelivering;
    const names = paper.map(([uscc, { name }]) => `${name}（${uscc}）`);
    const listing = new Set<ProfileEntry>();
    for (const [, entry] of paper) for (const profile of entry.profiles) listing.add(profile);
    signals.push(
      makeSignal(
        {
          ruleId: 'F-9',
          platformId: doc.platformId,
          year,
          kind: 'institutions_without_services',
          subject: ['paper-institutions'],
          // High only when the listed-but-idle institutions are what lifts the count to S4-1's bar.
          severity: listed.size >= bar && delivering < bar ? 'high' : 'low',
          fabricates: null,
          events: [...listing].map((profile) => ({
            id: profile.eventId,
            position: profile.position,
          })),
          figures: {
            listed: listed.size,
            delivering,
            paper: paper.length,
            bar,
            paperInstitutions: names.join(' / '),
          },
          zh: `运营档案列出的 ${String(listed.size)} 家服务机构中有 ${String(paper.length)} 家在 ${String(year)} 年没有任何服务记录：${names.join('、')}；有服务记录的 ${String(delivering)} 家（门槛 ${String(bar)} 家）`,
          en: `${String(paper.length)} of the ${String(listed.size)} service institutions listed in the operator profile have no service record in ${String(year)}: ${names.join(' / ')}; ${String(delivering)} delivered services (the bar is ${String(bar)})`,
        },
        thresholds.maxEventIdsPerSignal,
      ),
    );
  }
  return signals;
}

/** Profiles sorted by asOf: the last one dated before the year, and those dated inside it. */
function profilesInForce(
  profiles: readonly ProfileEntry[],
  yearStartMs: number,
  yearEndMs: number,
): ProfileEntry[] {
  let before: ProfileEntry | undefined;
  const inside: ProfileEntry[] = [];
  for (const profile of profiles) {
    const asOf = profile.asOfMs ?? Number.NEGATIVE_INFINITY;
    if (asOf < yearStartMs) before = profile;
    else if (asOf < yearEndMs) inside.push(profile);
  }
  return before === undefined ? inside : [before, ...inside];
}
