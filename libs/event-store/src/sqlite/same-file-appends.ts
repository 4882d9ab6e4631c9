import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';

/**
 * Tells the other threads of this process that read the same SQLite file (the embedded
 * projector's thread) that appends have committed, so their live subscribers read at once
 * instead of at their next poll; other processes still find appends by polling.
 */
export class SameFileAppends {
  private readonly channel: BroadcastChannel;

  constructor(path: string, onAppendedElsewhere: () => void) {
    this.channel = new BroadcastChannel(`ledger-sqlite-appends:${resolve(path)}`);
    this.channel.onmessage = onAppendedElsewhere;
    // Listening must not keep a process (or a thread) alive that has nothing else to do.
    this.channel.unref();
  }

  announce(): void {
    this.channel.postMessage(null);
  }

  close(): void {
    this.channel.close();
  }
}
