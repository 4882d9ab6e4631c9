import { InvalidArgumentError, type Command } from 'commander';
import { isValidPlatformId, isValidYear } from '@ledger/domain';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_ITEMS, MIN_BATCH_ITEMS, validBatchSize } from './planner';
import { runImport, type ImportIo } from './run-import';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:3000';

interface ImportCommandOptions {
  platform: string;
  year: number;
  url: string;
  token?: string;
  skipInvalid?: boolean;
  rejects?: string;
  batchSize: number;
  dryRun?: boolean;
}

const HELP = `
Sheets (XLSX: every sheet, told apart by name or header row; CSV: one sheet):
  服务记录   企业名称, 统一社会信用代码, 服务领域, 服务方式 (线上/线下), 服务日期,
             收费类型 (免费/低收费/收费), 服务内容, [编号, 服务机构信用代码, 联系电话,
             满意度 (很满意/满意/不满意), 评价日期, 评价来源 (企业/平台)]
  服务活动   活动名称, 服务领域, 活动日期, 方式, 参加企业信用代码 (；/;/newline), 参加人次
  满意度评价 服务编号 (the 编号 of a service row), 满意度, 评价日期, [评价来源, 统一社会信用代码]
  融资       [企业名称], 信用代码, 金融机构, 产品, 合同编号, 金额（元） (or 金额（万元）), 放款日期
  培训       培训名称, [服务领域], 培训日期, 方式, [场次], 参训人次
  English field names (enterpriseUscc, occurredAt, …) are accepted as headers too.

All or nothing: while any row is invalid nothing is sent (exit code 1) unless --skip-invalid,
which sends the valid rows and writes the rejects (UTF-8 with BOM) to --rejects. A file that
fits in one batch is imported atomically in one request. A larger file goes in several
requests, each atomic: if the server refuses a later batch, the batches it already accepted
stay, and the report names the committed rows. Re-running the same file (same --batch-size
and mode) is safe: record ids and Idempotency-Keys (import-<file sha256>-<batch>) are derived
from the file's content, so accepted batches are answered again, not appended twice.
Exit codes: 0 imported (with --skip-invalid, possibly with rejects), 1 invalid or refused.`;

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || !isValidYear(year)) {
    throw new InvalidArgumentError('a four-digit year, e.g. 2025');
  }
  return year;
}

function parsePlatformId(value: string): string {
  if (!isValidPlatformId(value)) {
    throw new InvalidArgumentError('letters, digits and hyphens (at most 64)');
  }
  return value;
}

function parseBatchSize(value: string): number {
  const size = Number(value);
  if (!/^\d+$/.test(value) || !validBatchSize(size)) {
    throw new InvalidArgumentError(
      `a whole number from ${String(MIN_BATCH_ITEMS)} to ${String(MAX_BATCH_ITEMS)}`,
    );
  }
  return size;
}

/** `ledger import <file> --platform <id> --year <yyyy> …`: a 台账 into one platform-year. */
export function registerImportCommand(
  program: Command,
  io: ImportIo = {
    print: (line) => process.stdout.write(`${line}\n`),
    progressStream: process.stderr,
  },
): void {
  program
    .command('import')
    .description(
      "import a platform's 台账 (CSV or XLSX) into one platform-year through the HTTP API",
    )
    .argument('<file>', 'the .xlsx or .csv file')
    .requiredOption('--platform <id>', 'platform id', parsePlatformId)
    .requiredOption('--year <yyyy>', 'the year the records belong to', parseYear)
    .option('--url <baseUrl>', 'ledger API base URL', DEFAULT_BASE_URL)
    .option('--token <token>', 'bearer token (default: $LEDGER_TOKEN)')
    .option('--skip-invalid', 'send the valid rows; write the invalid ones to the rejects file')
    .option('--rejects <path>', 'rejects file for --skip-invalid (default: <file>.rejects.csv)')
    .option(
      '--batch-size <n>',
      `items per request, ${String(MIN_BATCH_ITEMS)}..${String(MAX_BATCH_ITEMS)}`,
      parseBatchSize,
      DEFAULT_BATCH_SIZE,
    )
    .option('--dry-run', 'parse and validate only; print the report, send nothing')
    .addHelpText('after', HELP)
    .action(async (file: string, options: ImportCommandOptions) => {
      const result = await runImport(
        {
          file,
          platformId: options.platform,
          year: options.year,
          baseUrl: options.url,
          token: options.token ?? process.env.LEDGER_TOKEN,
          skipInvalid: options.skipInvalid === true,
          rejectsPath: options.rejects,
          batchSize: options.batchSize,
          dryRun: options.dryRun === true,
        },
        io,
      );
      if (result.exitCode !== 0) process.exitCode = result.exitCode;
    });
}
