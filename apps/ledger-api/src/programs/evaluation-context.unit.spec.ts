import type { OpenedProgram } from '@ledger/domain';
import { READ_MODELS, memorySnapshot, type ReadModelSnapshot } from '@ledger/read-models';
import { ApiError } from '../http/api-error';
import { evaluationContext } from './evaluation-context';

/** An in-memory snapshot of the read models: views by model and key. */
function snapshotOf(views: Record<string, Record<string, unknown>>): ReadModelSnapshot {
  return memorySnapshot(
    42,
    new Map(Object.entries(views).map(([model, byKey]) => [model, new Map(Object.entries(byKey))])),
  );
}

const program = (enrolled: readonly string[]): OpenedProgram => ({
  status: 'opened',
  program: {
    programId: 'cq-window-2025',
    title: '2025年度区县窗口平台绩效评价',
    packId: 'cq-window-2025',
    packVersion: '1.0.0',
    year: 2025,
    parameters: {},
    openedAt: '2025-01-20T02:00:00.000Z',
  },
  enrolled,
  evaluations: [],
  publication: null,
});

describe('Evaluation context: what a pack reads about the enrolled platforms', () => {
  it('reads each platform, its year and every year since its filing that has metrics', async () => {
    const snapshot = snapshotOf({
      [READ_MODELS.platforms]: {
        'cq-wz': { platformId: 'cq-wz', filedAt: '2019-03-01' },
        'cq-kz': { platformId: 'cq-kz', filedAt: '2024-05-01' },
      },
      [READ_MODELS.platformYearMetrics]: {
        'cq-wz/2025': { year: 2025 },
        'cq-wz/2023': { year: 2023 },
        'cq-wz/2019': { year: 2019 },
        'cq-wz/2018': { year: 2018 },
        'cq-kz/2024': { year: 2024 },
      },
    });
    const context = await evaluationContext(snapshot, program(['cq-wz', 'cq-kz']));
    expect(context).toEqual({
      year: 2025,
      programId: 'cq-window-2025',
      platforms: [
        {
          platform: { platformId: 'cq-wz', filedAt: '2019-03-01' },
          metrics: { year: 2025 },
          // Every year since the filing (stocks such as S0-8's 入驻企业 accumulate); none before.
          previousYears: [{ year: 2023 }, { year: 2019 }],
        },
        {
          platform: { platformId: 'cq-kz', filedAt: '2024-05-01' },
          metrics: null,
          previousYears: [{ year: 2024 }],
        },
      ],
    });
  });

  it('a platform the registry has not projected yet is a 503, not a silent omission', async () => {
    const snapshot = snapshotOf({
      [READ_MODELS.platforms]: { 'cq-wz': { platformId: 'cq-wz', filedAt: '2019-03-01' } },
    });
    const error: unknown = await evaluationContext(snapshot, program(['cq-wz', 'cq-kz'])).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'READ_MODELS_BEHIND',
      message: 'the platform registry has no view of cq-kz yet: retry shortly',
    });
    expect((error as ApiError).getStatus()).toBe(503);
  });
});
