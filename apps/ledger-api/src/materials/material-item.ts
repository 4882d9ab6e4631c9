import { v7 as uuidv7 } from 'uuid';
import type { MaterialUploaded } from '@ledger/domain';
import type { MaterialReferenceBody } from '../platform-years/platform-year.dto';

export interface ReceivedMaterial {
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly mediaType: string;
  readonly originalName: string;
  readonly fields: MaterialReferenceBody;
}

/** The MaterialUploaded data: what the file is, how big, and which records it evidences. */
export function recordItemData(material: ReceivedMaterial, now: string): MaterialUploaded['data'] {
  return {
    recordId: material.fields.recordId?.toLowerCase() ?? uuidv7(),
    occurredAt: material.fields.occurredAt ?? now,
    kind: material.fields.kind as MaterialUploaded['data']['kind'],
    sha256: material.sha256,
    sizeBytes: material.sizeBytes,
    mediaType: material.mediaType,
    originalName: material.originalName,
    evidences: (material.fields.evidences ?? []).map((id) => id.toLowerCase()),
    description: material.fields.description ?? '',
  };
}
