import { yearEligibility } from './eligibility.reasons';
import type { EligibilityView, YearEligibility } from './eligibility.view';

/**
 * A platform's eligibility in any year: the listed answer, or — for a year no fact names — the
 * platform-level causes alone (a revocation, a demonstration platform's lapsed certification).
 */
export function eligibilityFor(view: EligibilityView, year: number): YearEligibility {
  return view.years[String(year)] ?? yearEligibility(view.platform, year);
}
