/**
 * Events of the log a model standing at `position` has not applied. Positions start at 1, an
 * empty log's head is 0 and a model that has applied nothing stands at -1: it lags by the head.
 */
export function lagBehind(head: number, position: number): number {
  return Math.max(0, head - Math.max(0, position));
}
