import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';

/**
 * Posting costs the sender ~15 µs, as much as a small append's own main-thread work: under load
 * the news goes out at most this often (a trailing post carries the last appends), at idle at once.
 */
const MIN_SPACING_MS = 2;

/**
 * Tells the other threads of this process that read the same SQLite file (the embedded
 * projector's thread) that appends have committed, so their live subscribers read at once
 * instead of at their next poll; other processes still find appends by polling.
 */
export class SameFileAppends {
  private readonly channel: BroadcastChannel;
  private lastPost = 0;
  private trailing: NodeJS.Timeout | null = null;

  constructor(path: string, onAppendedElsewhere: () => void) {
    this.channel = new BroadcastChannel(`ledger-sqlite-appends:${resolve(path)}`);
    this.channel.onmessage = onAppendedElsewhere;
    // Listening must not keep a process (or a thread) alive that has nothing else to do.
    this.channel.unref();
  }

  announce(): void {
    if (this.trailing !== null) return;
    const wait = this.lastPost + MIN_SPACING_MS - performance.now();
    if (wait <= 0) {
      this.post();
      return;
    }
    this.trailing = setTimeout(() => {
      this.trailing = null;
      this.post();
    }, wait);
  }

  private post(): void {
    this.lastPost = performance.now();
    this.channel.postMessage(null);
  }

  close(): void {
    if (this.trailing !== null) clearTimeout(this.trailing);
    this.trailing = null;
    this.channel.close();
  }
}
