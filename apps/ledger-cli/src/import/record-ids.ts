import { v5 as uuidv5 } from 'uuid';
import type { RecordCommandType } from '@ledger/domain';

/** Namespace of import record ids (a fixed random UUID: never change it, ids would move). */
export const IMPORT_ID_NAMESPACE = '59598651-12b9-4326-814a-5da4d466aa19';

export interface RecordIdParts {
  readonly platformId: string;
  readonly year: number;
  readonly fileSha256: string;
  readonly sheet: string;
  readonly row: number;
  readonly kind: RecordCommandType;
}

/**
 * UUIDv5 of (platform, year, file SHA-256, sheet, row, kind): importing the same file again
 * yields the same record ids, so the server recognises a repeat instead of doubling the year.
 */
export function importRecordId(parts: RecordIdParts): string {
  return uuidv5(
    JSON.stringify([
      parts.platformId,
      parts.year,
      parts.fileSha256,
      parts.sheet,
      parts.row,
      parts.kind,
    ]),
    IMPORT_ID_NAMESPACE,
  );
}
