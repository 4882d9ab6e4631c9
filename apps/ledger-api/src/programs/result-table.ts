import type { OpenedProgram, ProgramEvaluated, ProgramResultLine } from '@ledger/domain';

/**
 * A program's results laid out like the annex tables of the seeds (S0 附件 1 / 2: 序号, 平台名称,
 * 等次), with the score, tier and subsidy columns the other documents add (S1-5, S3-6).
 */
export const RESULT_COLUMNS = [
  '序号',
  '平台名称',
  '等次',
  '得分',
  '档次',
  '补助金额（元）',
] as const;

/** S0's annex writes a graded platform still in its 建设期 as 合格（建设期）. */
const GRADE_ANNOTATIONS = ['建设期'];
/** S0's annex leaves excluded platforms out of grading: 不纳入评价. */
const NOT_GRADED = '不纳入评价';

export interface ResultRow {
  readonly 序号: number;
  readonly platformId: string;
  readonly platformName: string;
  readonly graded: boolean;
  readonly grade: string | null;
  readonly score: number | null;
  readonly rank: number | null;
  readonly tier: string | null;
  readonly amountFen: number;
  /** amountFen in 元 with two decimals, computed in integers. */
  readonly amountYuan: string;
  readonly flags: readonly string[];
  readonly ineligibleNextYear: boolean;
  /** The rule applications behind the line (ruleId, outcome, detail, figures, event ids). */
  readonly rules: ProgramResultLine['rules'];
  /** The row as the CSV and XLSX exports print it, in RESULT_COLUMNS order. */
  readonly cells: readonly [number, string, string, string, string, string];
}

export interface ResultTable {
  readonly programId: string;
  readonly title: string;
  readonly year: number;
  readonly packId: string;
  readonly packVersion: string;
  readonly evaluationId: string;
  readonly evaluatedAt: string;
  /** The global position the evaluation read (replaying the log to it reproduces the table). */
  readonly position: number;
  readonly published: boolean;
  readonly publishedAt: string | null;
  readonly columns: typeof RESULT_COLUMNS;
  readonly rows: readonly ResultRow[];
  readonly totalAmountFen: number;
  readonly totalAmountYuan: string;
}

/** 分 → 元 with exactly two decimals, in integer arithmetic (no float rounding on money). */
export function yuanOf(fen: number): string {
  if (!Number.isSafeInteger(fen))
    throw new RangeError(`not an integer amount of 分: ${String(fen)}`);
  const sign = fen < 0 ? '-' : '';
  const magnitude = Math.abs(fen);
  const cents = magnitude % 100;
  return `${sign}${String((magnitude - cents) / 100)}.${String(cents).padStart(2, '0')}`;
}

/** Scores print with at most two decimals, as the bulletins print them. */
export function scoreText(score: number | null): string {
  return score === null ? '' : String(Math.round(score * 100) / 100);
}

export function gradeText(line: ProgramResultLine): string {
  const grade = line.grade ?? (line.graded ? '' : NOT_GRADED);
  const notes = line.flags.filter((flag) => GRADE_ANNOTATIONS.includes(flag) && grade !== '');
  return notes.length === 0 ? grade : `${grade}（${notes.join('，')}）`;
}

export function resultTable(
  state: OpenedProgram,
  evaluation: ProgramEvaluated['data'],
): ResultTable {
  const publication =
    state.publication?.evaluationId === evaluation.evaluationId ? state.publication : null;
  const rows = evaluation.results.map((line, index): ResultRow => {
    const amountYuan = yuanOf(line.amountFen);
    return {
      序号: index + 1,
      platformId: line.platformId,
      platformName: line.platformName,
      graded: line.graded,
      grade: line.grade,
      score: line.score,
      rank: line.rank,
      tier: line.tier,
      amountFen: line.amountFen,
      amountYuan,
      flags: line.flags,
      ineligibleNextYear: line.ineligibleNextYear,
      rules: line.rules,
      cells: [
        index + 1,
        line.platformName,
        gradeText(line),
        scoreText(line.score),
        line.tier ?? '',
        amountYuan,
      ],
    };
  });
  const totalAmountFen = rows.reduce((sum, row) => sum + row.amountFen, 0);
  return {
    programId: state.program.programId,
    title: state.program.title,
    year: state.program.year,
    packId: evaluation.packId,
    packVersion: evaluation.packVersion,
    evaluationId: evaluation.evaluationId,
    evaluatedAt: evaluation.evaluatedAt,
    position: evaluation.position,
    published: publication !== null,
    publishedAt: publication?.publishedAt ?? null,
    columns: RESULT_COLUMNS,
    rows,
    totalAmountFen,
    totalAmountYuan: yuanOf(totalAmountFen),
  };
}

/** RFC 4180 CSV in UTF-8 with a BOM (so Excel opens the Chinese headers correctly), CRLF lines. */
export function resultCsv(table: ResultTable): string {
  const lines = [table.columns, ...table.rows.map((row) => row.cells)].map((cells) =>
    cells.map((cell) => csvField(String(cell))).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A cell a spreadsheet would run as a formula (CSV injection): printed behind an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
