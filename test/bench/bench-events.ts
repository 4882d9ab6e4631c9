import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '@ledger/event-store';

const AREAS = [
  '政策服务',
  '融资服务',
  '人才培训',
  '技术创新',
  '管理咨询',
  '市场开拓',
  '法律服务',
  '信息化服务',
];

/**
 * A realistic service record: about 400 bytes stored (data ~150 B + metadata ~270 B with its
 * prevHash). Ids are UUIDv7, as the ledger's command side generates them.
 */
export function serviceRecorded(serial: number): EventToAppend {
  const id = uuidv7();
  return {
    id,
    type: 'ServiceRecorded',
    data: {
      serviceId: `svc-${serial}`,
      enterpriseUscc: '91500000MA5U7GT43X',
      area: AREAS[serial % AREAS.length] ?? '政策服务',
      occurredAt: '2025-06-18',
      feeKind: serial % 3 === 0 ? 'low_fee' : 'free',
      amountFen: (serial % 50) * 10_000,
    },
    metadata: {
      actor: { subject: 'platform:cq-yuzhong-window', role: 'platform' },
      correlationId: id,
      causationId: null,
      schemaVersion: 1,
    },
  };
}

export function serviceBatch(start: number, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => serviceRecorded(start + i));
}

/** A stored-row shape for the raw-driver baselines (same sizes, no hashing). */
export function rawRow(position: number, stream: string, revision: number) {
  const event = serviceRecorded(position);
  return {
    position,
    stream,
    revision,
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: `{"actor":{"role":"platform","subject":"platform:cq-yuzhong-window"},"causationId":null,"correlationId":"${event.id}","prevHash":"${'0'.repeat(64)}","recordedAt":"2026-11-24T12:00:00.000Z","schemaVersion":1}`,
    hash: 'f'.repeat(64),
  };
}
