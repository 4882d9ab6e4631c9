import type { CommandMetadata } from '../shared/command-metadata';
import type { ProgramCommand } from '../program/program.commands';
import type { ProgramEvent, ProgramOpened, ProgramResultLine } from '../program/program.events';
import { demoFiling, id, meta, windowFiling } from './fixtures';

/** Builders of program commands and events: S1's 2025 window-platform program by default. */

export const OPENED_AT = '2025-01-20T02:00:00.000Z';
export const EVALUATED_AT = '2025-10-20T02:00:00.000Z';
const admin = meta('admin', OPENED_AT);

export const opening: Omit<ProgramOpened['data'], 'openedAt'> = {
  programId: 'cq-window-2025',
  title: '2025年度区县窗口平台绩效评价',
  packId: 'cq-window-2025',
  packVersion: '1.0.0',
  year: 2025,
  parameters: { completionAggregation: 'mean_capped', regionQuotaRounding: 'ceil' },
};

export function open(
  o: Partial<Omit<ProgramOpened['data'], 'openedAt'>> = {},
  metadata: CommandMetadata = admin,
): ProgramCommand {
  return { type: 'OpenProgram', data: { ...opening, ...o }, metadata };
}

export const opened: ProgramEvent = {
  type: 'ProgramOpened',
  data: { ...opening, openedAt: OPENED_AT },
};

export const WINDOW = windowFiling.platformId;
export const DEMO = demoFiling.platformId;

/** Enrols the ids; `filed` is what the handler found filed (all of them by default). */
export function enrol(
  platformIds: readonly string[],
  filed: readonly string[] = platformIds,
): ProgramCommand {
  return { type: 'EnrolPlatforms', data: { platformIds }, filed, metadata: admin };
}

export function enrolled(platformIds: readonly string[]): ProgramEvent {
  return { type: 'PlatformsEnrolled', data: { platformIds, enrolledAt: OPENED_AT } };
}

/** A graded line: 一档 and 300,000 元 (S1-5) unless told otherwise. */
export function line(platformId: string, o: Partial<ProgramResultLine> = {}): ProgramResultLine {
  return {
    platformId,
    platformName: `${platformId} 平台`,
    graded: true,
    score: 92.5,
    rank: 1,
    grade: '合格',
    tier: '一档',
    amountFen: 30_000_000,
    flags: [],
    ineligibleNextYear: false,
    rules: [
      { ruleId: 'S1-4', outcome: 'pass', detail: 'completion 96% ≥ 70%' },
      { ruleId: 'S1-2', outcome: 'info', detail: 'score 92.5 of 100' },
      { ruleId: 'S1-5', outcome: 'pass', detail: 'tier 一档, 300,000 元' },
      { ruleId: 'S1-4', outcome: 'info', detail: 'every target reached' },
    ],
    ...o,
  };
}

export function evaluate(
  n: number,
  results: readonly ProgramResultLine[],
  o: { position?: number; publish?: boolean } = {},
): ProgramCommand {
  return {
    type: 'RecordEvaluation',
    data: {
      evaluationId: id(n),
      position: o.position ?? 1_234,
      results,
      network: { platforms: results.length },
      publish: o.publish ?? false,
    },
    metadata: meta('admin', EVALUATED_AT),
  };
}

export function evaluated(
  n: number,
  results: readonly ProgramResultLine[],
  position = 1_234,
): ProgramEvent {
  const { packId, packVersion, parameters } = opening;
  return {
    type: 'ProgramEvaluated',
    data: {
      evaluationId: id(n),
      position,
      evaluatedAt: EVALUATED_AT,
      packId,
      packVersion,
      parameters,
      results,
      network: { platforms: results.length },
    },
  };
}

export function publish(n: number, now = EVALUATED_AT): ProgramCommand {
  return { type: 'PublishResults', data: { evaluationId: id(n) }, metadata: meta('admin', now) };
}

/** What publishing `results` as evaluation n records: the compact lines and their rule ids. */
export function publishedAs(
  n: number,
  results: readonly ProgramResultLine[],
  publishedAt = EVALUATED_AT,
): ProgramEvent {
  return {
    type: 'ProgramResultsPublished',
    data: {
      evaluationId: id(n),
      publishedAt,
      year: opening.year,
      results: results.map((result) => ({
        platformId: result.platformId,
        grade: result.grade,
        tier: result.tier,
        amountFen: result.amountFen,
        ineligibleNextYear: result.ineligibleNextYear,
        ruleIds: [...new Set(result.rules.map((rule) => rule.ruleId))],
      })),
    },
  };
}
