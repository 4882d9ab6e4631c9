import type { AppendResult } from '../port/types';
import type { AppendOutcome } from './plan-batch';
import type { PreparedAppend } from './prepare-append';

interface Waiting {
  readonly append: PreparedAppend;
  resolve(result: AppendResult): void;
  reject(error: Error): void;
}

/** Commits one batch of appends in one durable transaction and says what became of each. */
export type CommitBatch = (
  appends: readonly PreparedAppend[],
) => AppendOutcome[] | Promise<AppendOutcome[]>;

/**
 * Group commit: appends that arrive while a commit is being prepared or is in flight share the
 * next transaction, so N concurrent callers pay for one fsync instead of N. Each caller still gets
 * its own outcome: one append's wrong revision does not fail the others in its batch.
 */
export class GroupCommitQueue {
  private waiting: Waiting[] = [];
  private scheduled = false;
  private readonly inFlight = new Set<Promise<void>>();

  /**
   * @param splitWhenIdle with nothing in flight, send half of the waiting appends and keep the rest
   *   for the second slot.
   * @param maxInFlight batches committing at once. Above 1 only for adapters whose commits are
   *   applied in order and re-validated by the writer (SQLite's writer thread), so the next batch
   *   can be planned while the previous one is being fsynced.
   */
  constructor(
    private readonly commitBatch: CommitBatch,
    private readonly maxEventsPerCommit = 20_000,
    private readonly maxInFlight = 1,
    private readonly splitWhenIdle = false,
  ) {}

  enqueue(append: PreparedAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.waiting.push({ append, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything enqueued so far has been committed or rejected. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.waiting.length > 0 || this.scheduled) {
      await (this.inFlight.size > 0
        ? Promise.race(this.inFlight)
        : new Promise<void>((resolve) => setImmediate(resolve)));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight.size >= this.maxInFlight) return;
    this.scheduled = true;
    // setImmediate lets every caller that is ready in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      const flight: Promise<void> = this.flush().finally(() => {
        this.inFlight.delete(flight);
        if (this.waiting.length > 0) this.schedule();
      });
      this.inFlight.add(flight);
      if (this.waiting.length > 0) this.schedule();
    });
  }

  private takeBatch(): Waiting[] {
    // With the pipeline empty, take half: the other half is planned while this one commits. Only
    // where commits overlap (SQLite's writer thread); PostgreSQL's serialise on the head-row lock,
    // so splitting would only double the transactions.
    const pipelineEmpty = this.splitWhenIdle && this.inFlight.size === 0 && this.maxInFlight > 1;
    const maxAppends =
      pipelineEmpty && this.waiting.length > 1
        ? Math.ceil(this.waiting.length / 2)
        : this.waiting.length;
    let events = 0;
    let count = 0;
    for (const entry of this.waiting) {
      if (count >= maxAppends) break;
      if (count > 0 && events + entry.append.events.length > this.maxEventsPerCommit) break;
      events += entry.append.events.length;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async flush(): Promise<void> {
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = await this.commitBatch(batch.map((entry) => entry.append));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const entry of batch) entry.reject(failure);
      return;
    }
    batch.forEach((entry, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) entry.reject(new Error('group commit returned no outcome'));
      else if (outcome.ok) entry.resolve(outcome.result);
      else entry.reject(outcome.error);
    });
  }
}
