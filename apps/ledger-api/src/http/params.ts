import type { FastifyReply } from 'fastify';
import { isValidPlatformId, isValidYear } from '@ledger/domain';
import type { WriteResult } from '../commands/write-result';
import { validationFailed } from './api-error';

export function platformIdParam(value: string): string {
  if (!isValidPlatformId(value)) {
    throw validationFailed('platformId', 'must be 1-64 letters, digits or hyphens');
  }
  return value;
}

/** Program ids follow the platform-id pattern (libs/domain streams.ts). */
export function programIdParam(value: string): string {
  if (!isValidPlatformId(value)) {
    throw validationFailed('programId', 'must be 1-64 letters, digits or hyphens');
  }
  return value;
}

export function yearParam(value: string): number {
  const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  if (!isValidYear(year)) throw validationFailed('year', 'must be a year from 2000 to 2100');
  return year;
}

/** API.md: every write answers event ids, revision (also as ETag) and global position. */
export function answerWrite(reply: FastifyReply, result: WriteResult): WriteResult {
  void reply.header('ETag', `"${String(result.revision)}"`);
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  return result;
}
