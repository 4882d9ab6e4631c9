import type { OpenedProgram } from '@ledger/domain';
import { packById } from '@ledger/policy';
import type { ReadModelReader } from '@ledger/read-models';
import { evaluationContext } from '../../apps/ledger-api/src/programs/evaluation-context';
import { runProgramPack } from '../../apps/ledger-api/src/programs/program-packs';

const PACK_ID = 'cq-window-2025';

/**
 * Evaluates a program of every bench platform exactly as POST …/evaluations does (one snapshot of
 * the read models → EvaluationContext → the pack), timed from the snapshot to the result table.
 */
export async function evaluateBenchProgram(
  reader: ReadModelReader,
  platforms: number,
  year: number,
): Promise<{ seconds: number; graded: number; packId: string }> {
  const pack = packById(PACK_ID);
  if (pack === undefined) throw new Error(`no pack ${PACK_ID}`);
  const program: OpenedProgram = {
    status: 'opened',
    program: {
      programId: 'bench-program',
      title: 'bench',
      packId: PACK_ID,
      packVersion: pack.version,
      year,
      parameters: { requireDistrictRecommendation: false },
      openedAt: `${String(year)}-10-20`,
    },
    enrolled: Array.from({ length: platforms }, (_, i) => `bench-${String(i)}`),
    evaluations: [],
    publication: null,
  };
  const started = process.hrtime.bigint();
  const result = await reader.snapshot(async (snapshot) =>
    runProgramPack(program.program, await evaluationContext(snapshot, program)),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, graded: result.results.filter((r) => r.graded).length, packId: PACK_ID };
}
