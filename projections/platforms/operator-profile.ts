import type { OperatorProfileUpdated, StaffMember } from '@ledger/domain';
import type { OperatorProfileView } from './platform.view';

/** S4-1 第六条: 大专及以上学历 (college and above). */
const COLLEGE_OR_ABOVE: ReadonlySet<StaffMember['education']> = new Set([
  'college',
  'bachelor',
  'master',
  'doctorate',
]);

/** S4-1 第六条: 中级及以上职称 (intermediate title and above). */
const INTERMEDIATE_OR_ABOVE: ReadonlySet<StaffMember['title']> = new Set([
  'intermediate',
  'senior',
]);

/**
 * The registry's reading of an operator profile: the roster reduced to the counts S4-1 asks for
 * (which of "either" or "both" meets the 80% bar is the cq-demo-certification pack's reading),
 * and the gathered institutions counted by distinct USCC (a roster listing one twice still
 * gathers one institution; it is key if any listing marks it key).
 */
export function operatorProfileView(
  eventId: string,
  data: OperatorProfileUpdated['data'],
): OperatorProfileView {
  let college = 0;
  let intermediate = 0;
  let either = 0;
  let both = 0;
  for (const member of data.staff) {
    const hasDegree = COLLEGE_OR_ABOVE.has(member.education);
    const hasTitle = INTERMEDIATE_OR_ABOVE.has(member.title);
    if (hasDegree) college += 1;
    if (hasTitle) intermediate += 1;
    if (hasDegree || hasTitle) either += 1;
    if (hasDegree && hasTitle) both += 1;
  }
  const institutions = new Set<string>();
  const keyInstitutions = new Set<string>();
  for (const institution of data.institutions) {
    institutions.add(institution.uscc);
    // Events recorded before the flag existed carry no `key`: not key (S0-8 counts the flagged).
    if (institution.key === true) keyInstitutions.add(institution.uscc);
  }
  return {
    eventId,
    asOf: data.asOf,
    assetsFen: data.assetsFen,
    operatingSince: data.operatingSince,
    siteAreaM2: data.siteAreaM2,
    staffCount: data.staff.length,
    staffCollegeOrAbove: college,
    staffIntermediateTitleOrAbove: intermediate,
    staffQualifiedEither: either,
    staffQualifiedBoth: both,
    institutions: institutions.size,
    keyInstitutions: keyInstitutions.size,
    creditStatus: data.creditStatus,
  };
}
