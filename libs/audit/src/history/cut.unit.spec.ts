import type { ProjectedEvent } from '@ledger/projections/shared/projection';
import { AuditError } from '../audit-error';
import { checkCut, cutIncludes, eventInstant, type Cut } from './cut';

const event = (
  position: number,
  recordedAt: string,
  data: Record<string, unknown> = {},
): ProjectedEvent => ({
  id: `e${String(position)}`,
  stream: 'platformyear-p_2025',
  revision: position,
  position,
  type: 'ServiceRecorded',
  data,
  metadata: { recordedAt },
});

describe('cuts', () => {
  it('a clock cut includes its instant, to the millisecond', () => {
    const at = { kind: 'recorded', atMs: Date.parse('2025-10-16T16:00:00Z'), head: 99 } as const;
    const includes = cutIncludes(at);
    expect(includes(event(1, '2025-10-16T16:00:00.000Z'))).toBe(true);
    expect(includes(event(2, '2025-10-16T16:00:00.001Z'))).toBe(false);
  });

  it('the occurred clock reads data.occurredAt, else recordedAt', () => {
    const backdated = event(5, '2025-11-01T00:00:00.000Z', { occurredAt: '2025-01-15' });
    expect(eventInstant(backdated, 'occurred')).toBe(Date.parse('2025-01-14T16:00:00Z'));
    expect(eventInstant(backdated, 'recorded')).toBe(Date.parse('2025-11-01T00:00:00Z'));
    const filing = event(6, '2025-11-01T00:00:00.000Z', { filedAt: '2024-03-01' });
    expect(eventInstant(filing, 'occurred')).toBe(Date.parse('2025-11-01T00:00:00Z'));
    const unreadable = event(7, '2025-11-01T00:00:00.000Z', { occurredAt: 'yesterday' });
    expect(eventInstant(unreadable, 'occurred')).toBe(Date.parse('2025-11-01T00:00:00Z'));
  });

  it('nothing after the head is ever included, on any clock', () => {
    const late = event(10, '2025-01-01T00:00:00.000Z', { occurredAt: '2025-01-01' });
    expect(cutIncludes({ kind: 'occurred', atMs: Date.now(), head: 9 })(late)).toBe(false);
    expect(cutIncludes({ kind: 'position', position: 20, head: 9 })(late)).toBe(false);
    expect(cutIncludes({ kind: 'position', position: 10, head: 10 })(late)).toBe(true);
  });

  it.each<[Cut, string]>([
    [{ kind: 'position', position: 1.5 }, 'position'],
    [{ kind: 'occurred', at: '2025-02-30' }, 'at'],
    [{ kind: 'revision', stream: '', revision: 0 }, 'stream'],
    [{ kind: 'revision', stream: 'platform-a', revision: -1 }, 'revision'],
    [{ kind: 'sometime' } as unknown as Cut, 'kind'],
  ])('%j is refused naming %s', (cut, field) => {
    let error: unknown;
    try {
      checkCut(cut);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AuditError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field }] });
  });
});
