import type { ProgramResultLine } from '@ledger/domain';
import { canonicalJson } from '@ledger/event-store';
import type { LineFields, PlatformChange, RuleLine } from './what-if.types';

/** What names a line and explains it, rather than being one of its results. */
const NOT_FIELDS = ['platformId', 'platformName', 'rules'] as const;

/** A line's fields without its identity and rule trail (whatever else the line has). */
export function fieldsOf(line: ProgramResultLine): LineFields {
  const notFields: readonly string[] = NOT_FIELDS;
  return Object.fromEntries(
    Object.entries(line).filter(([key]) => !notFields.includes(key)),
  ) as unknown as LineFields;
}

/** The outcomes of each rule id, in order (a rule may apply more than once). */
function outcomesByRule(rules: readonly RuleLine[]): Map<string, string[]> {
  const outcomes = new Map<string, string[]>();
  for (const rule of rules)
    outcomes.set(rule.ruleId, [...(outcomes.get(rule.ruleId) ?? []), rule.outcome]);
  return outcomes;
}

/**
 * One platform's change between two result lines: the fields that differ, and the rules whose
 * outcomes differ with their applications on each side (a rule whose figures alone moved, such
 * as a bar from a parameter, shows through the fields it changes).
 */
export function lineChange(
  platformId: string,
  before: ProgramResultLine | null,
  after: ProgramResultLine | null,
): PlatformChange {
  const name = after?.platformName ?? before?.platformName ?? platformId;
  if (before === null || after === null) {
    return {
      platformId,
      name,
      before: before === null ? null : fieldsOf(before),
      after: after === null ? null : fieldsOf(after),
      changes: ['line'],
    };
  }
  const [was, is] = [fieldsOf(before), fieldsOf(after)];
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])] as (keyof LineFields)[];
  const changes: string[] = keys.filter(
    (key) => canonicalJson(was[key] ?? null) !== canonicalJson(is[key] ?? null),
  );
  const [outcomesBefore, outcomesAfter] = [
    outcomesByRule(before.rules),
    outcomesByRule(after.rules),
  ];
  const ruleIds = new Set([...outcomesBefore.keys(), ...outcomesAfter.keys()]);
  const changedRules = new Set(
    [...ruleIds].filter(
      (ruleId) =>
        canonicalJson(outcomesBefore.get(ruleId) ?? []) !==
        canonicalJson(outcomesAfter.get(ruleId) ?? []),
    ),
  );
  if (changedRules.size === 0) return { platformId, name, before: was, after: is, changes };
  return {
    platformId,
    name,
    before: was,
    after: is,
    changes: [...changes, 'rules'],
    rulesBefore: before.rules.filter((rule) => changedRules.has(rule.ruleId)),
    rulesAfter: after.rules.filter((rule) => changedRules.has(rule.ruleId)),
  };
}
