import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';
import type { CertificationView, PlatformView } from '@ledger/projections/platforms/platform.view';
import { certification } from '@ledger/projections/testing';
import type { PackResult, PlatformEvaluationInput, PlatformResult } from '../pack';
import { bengbuDemo2022Pack } from '../packs/bengbu-demo-2022';
import { enrolled, evaluationContext, resultFor, runPack } from './evaluation';
import type { MetricsOverrides } from './metrics';
import { demonstrationPlatform } from './platforms';
import { demonstrationYear } from './scenarios';

/**
 * bengbu-demo-2022 spec setups: the pack run for 2022 over demonstration platforms p1, p2, … in a
 * city district, holding a national certification valid that year unless a spec says otherwise.
 */

/** 国家级 certification valid 2020-06-01..2023-05-31: the whole of the evaluated year 2022 (S3-1). */
export const nationalCertification = certification(
  'cert-national',
  'national',
  '2020-06-01',
  '2023-05-31',
);

/** Five experts (第十三条: 5 to 7) who all give `score`: the panel mean is `score` (S3-5). */
export function panelOf(score: number): number[] {
  return [score, score, score, score, score];
}

export interface BengbuSetup {
  /** Default 蚌山区 (in the city: S3-1). */
  readonly district?: string;
  /** Default [nationalCertification]. */
  readonly certifications?: readonly CertificationView[];
  readonly parameters?: Readonly<Record<string, unknown>>;
}

export interface BengbuFieldSetup extends BengbuSetup {
  /** Per platform id, over demonstrationYear's year (one 第四条 function, submitted). */
  readonly overrides?: Readonly<Record<string, MetricsOverrides>>;
}

/** The pack over p1, p2, … whose expert panels average `means` in turn. */
export function bengbuField(means: readonly number[], setup: BengbuFieldSetup = {}): PackResult {
  const { overrides = {} } = setup;
  return runBengbu(
    means.map((mean, index) => {
      const id = `p${String(index + 1)}`;
      return enrolled(
        bengbuPlatform(id, setup),
        demonstrationYear(id, { experts: panelOf(mean) }, overrides[id] ?? {}),
      );
    }),
    setup.parameters,
  );
}

export interface BengbuLineSetup extends BengbuSetup {
  /** Over the demonstration platform's view (revocation …). */
  readonly platform?: Partial<PlatformView>;
}

/** The pack over p1 alone with the given year (null: nothing reported); p1's line. */
export function bengbuLine(
  year: PlatformYearMetrics | null,
  setup: BengbuLineSetup = {},
): PlatformResult {
  return resultFor(
    runBengbu([enrolled(bengbuPlatform('p1', setup), year)], setup.parameters),
    'p1',
  );
}

function bengbuPlatform(platformId: string, setup: BengbuLineSetup): PlatformView {
  const { district = '蚌山区', certifications = [nationalCertification], platform = {} } = setup;
  return demonstrationPlatform(platformId, district, certifications, platform);
}

function runBengbu(
  platforms: readonly PlatformEvaluationInput[],
  parameters: Readonly<Record<string, unknown>> = {},
): PackResult {
  return runPack(bengbuDemo2022Pack, evaluationContext(platforms, 2022), parameters);
}
