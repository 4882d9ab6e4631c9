/**
 * Wakes live subscribers: at once when this process commits (notify), and otherwise on a poll
 * tick, which catches appends made by other processes. A wait resolves immediately if the head
 * is already past the subscriber's position, so no commit can slip between a read and a wait.
 */
export class AppendSignal {
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly headPosition: () => Promise<number>,
    private readonly pollIntervalMs: number,
  ) {}

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  async wait(position: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted || (await this.headPosition()) > position) return;
    await new Promise<void>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      signal.addEventListener('abort', wake, { once: true });
      this.waiters.add(wake);
    });
  }

  close(): void {
    this.notify();
  }
}
