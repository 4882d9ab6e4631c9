import type { SlotIndex } from './metrics.doc';

/**
 * Multisets of USCCs (record counts per key and slot) behind the distinct counts: an enterprise
 * appears with its first record and disappears only when its last record is retracted.
 */

/** Window index: the slot group of the calendar year (0) or S1-1's implementation period (1). */
export type WindowIndex = 0 | 1;

interface EnterpriseCounts {
  enterprisesServed: number;
  enterprisesServedOffline: number;
  enterprisesServedOnline: number;
}

/**
 * Adds (delta 1) or removes (delta -1) one record of an enterprise served offline or online in
 * one window, keeping the scope's distinct counts: any mode, offline, online.
 */
export function countEnterprise(
  index: SlotIndex,
  uscc: string,
  window: WindowIndex,
  online: boolean,
  delta: number,
  scope: EnterpriseCounts,
): void {
  const slots = slotsOf(index, uscc, 4);
  const mine = window * 2 + (online ? 1 : 0);
  const other = mine ^ 1;
  const before = slots[mine] ?? 0;
  const after = before + delta;
  slots[mine] = after;
  const change = presenceChange(before, after);
  if (change === 0) return;
  if (online) scope.enterprisesServedOnline += change;
  else scope.enterprisesServedOffline += change;
  if ((slots[other] ?? 0) === 0) scope.enterprisesServed += change;
}

/** Adds or removes one record of a key in one window; returns the change of the distinct count. */
export function countMember(
  index: SlotIndex,
  key: string,
  window: WindowIndex,
  delta: number,
): number {
  const slots = slotsOf(index, key, 2);
  const before = slots[window] ?? 0;
  const after = before + delta;
  slots[window] = after;
  return presenceChange(before, after);
}

/** Distinct keys with an offline record in the window in any of the indexes (a union of areas). */
export function distinctOfflineAcross(indexes: readonly SlotIndex[], window: WindowIndex): number {
  if (indexes.length === 0) return 0;
  const seen = new Set<string>();
  const slot = window * 2;
  for (const index of indexes) {
    for (const [key, slots] of index) {
      if ((slots[slot] ?? 0) > 0) seen.add(key);
    }
  }
  return seen.size;
}

function slotsOf(index: SlotIndex, key: string, width: number): number[] {
  let slots = index.get(key);
  if (slots === undefined) {
    slots = new Array<number>(width).fill(0);
    index.set(key, slots);
  }
  return slots;
}

function presenceChange(before: number, after: number): number {
  if (before === 0 && after > 0) return 1;
  if (before > 0 && after === 0) return -1;
  return 0;
}
