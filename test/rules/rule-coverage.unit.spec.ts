import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every rule of RULES.md's S0..S4 tables must be the subject of at least one spec.
 *
 * Convention: a spec cites a rule by starting a describe / it / test title with its id and a space
 * — `describe('S1-4 completion rate', …)`, `it('S4-3 exactly 80% passes', …)`. The scan reads the
 * text of every *.spec.ts under libs/policy, projections and libs/domain and collects the ids that
 * open the title argument — `describe(`, `it(`, `test(` (with `.only` / `.skip`), or the title
 * call after a table, `it.each([...])(` — in any quote. An id used as a value (`ruleId: 'S1-4'`)
 * or inside an expectation does not count.
 *
 * RULES.md lives beside the repository (`../shared/design/RULES.md`, as CI clones it), so it is
 * found relative to the repository root, never by an absolute path.
 */
const REPO_ROOT = path.join(__dirname, '../..');
const RULES_MD = path.join(__dirname, '../../../shared/design/RULES.md');
const SCANNED = ['libs/policy', 'projections', 'libs/domain'];

/** Table rows of the S0..S4 sections: `| S0-1 | … |`. */
function ruleIdsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^\|\s*(S[0-4]-\d+)\s*\|/gm)].map((match) => match[1] ?? '');
}

function specFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : specFiles(full);
    return entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Ids that open a title: `it('S4-3 …'`, `describe.only("S0-2 …"`, `it.each(table)(`S2-1 …`. */
const TITLE = /(?:\b(?:describe|it|test)(?:\.(?:only|skip))?|\))\(\s*['"`](S[0-4]-\d+)\s/g;
function citedIds(source: string): Set<string> {
  return new Set([...source.matchAll(TITLE)].map((match) => match[1] ?? ''));
}

const ruleIds = ruleIdsOf(readFileSync(RULES_MD, 'utf8'));

/**
 * Rules whose facts do not exist yet, with the issue that brings them. Listed here so the gap is
 * visible and the entry must go when a spec names the rule (the last test fails until it does).
 */
const DEFERRED: Readonly<Record<string, string>> = {};
const citations = new Map<string, string[]>();
for (const root of SCANNED)
  for (const file of specFiles(path.join(REPO_ROOT, root)))
    for (const id of citedIds(readFileSync(file, 'utf8')))
      citations.set(id, [...(citations.get(id) ?? []), path.relative(REPO_ROOT, file)]);

describe('Rule coverage: every RULES.md rule S0-1 … S4-5 is named in a spec title', () => {
  it('reads the rule tables: 8 S0, 8 S1, 3 S2, 7 S3 and 5 S4 rules', () => {
    const perSource = (source: string) => ruleIds.filter((id) => id.startsWith(`${source}-`));
    expect([0, 1, 2, 3, 4].map((n) => perSource(`S${String(n)}`).length)).toEqual([8, 8, 3, 7, 5]);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });

  it('lists no rule without a spec (the missing ids are named)', () => {
    const missing = ruleIds.filter((id) => !citations.has(id) && !(id in DEFERRED));
    expect({ missing }).toEqual({ missing: [] });
  });

  it.each(ruleIds.filter((id) => !(id in DEFERRED)))(
    '%s is the subject of at least one spec title',
    (id) => {
      expect(citations.get(id) ?? []).not.toEqual([]);
    },
  );

  it('names the rules deferred to a later issue, and each is still without a spec', () => {
    expect(Object.keys(DEFERRED).filter((id) => citations.has(id))).toEqual([]);
  });
});
