import { MultiBar, Presets, type SingleBar } from 'cli-progress';

export interface ProgressStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
}

/** Progress of the sending phase: a bar on a terminal, plain lines in logs and pipes. */
export interface ImportProgress {
  start(totalItems: number, totalBatches: number): void;
  /** After a batch was accepted: items confirmed so far, the batch's position (1-based). */
  advance(itemsDone: number, batchNumber: number, line: string): void;
  /** A message above the bar (a retry, a refusal). */
  note(line: string): void;
  stop(): void;
}

export function createProgress(stream: ProgressStream): ImportProgress {
  return stream.isTTY === true ? new BarProgress(stream) : new LineProgress(stream);
}

class LineProgress implements ImportProgress {
  constructor(private readonly stream: ProgressStream) {}

  start(totalItems: number, totalBatches: number): void {
    this.stream.write(
      `sending ${String(totalItems)} items in ${String(totalBatches)} batch${totalBatches === 1 ? '' : 'es'}\n`,
    );
  }

  advance(_itemsDone: number, _batchNumber: number, line: string): void {
    this.stream.write(`${line}\n`);
  }

  note(line: string): void {
    this.stream.write(`${line}\n`);
  }

  stop(): void {
    // Plain lines need no closing.
  }
}

class BarProgress implements ImportProgress {
  private readonly multi: MultiBar;
  private bar: SingleBar | null = null;
  private batches = 0;

  constructor(stream: ProgressStream) {
    this.multi = new MultiBar(
      {
        stream,
        format: 'import [{bar}] {value}/{total} items | batch {batch}/{batches}',
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
      },
      Presets.shades_classic,
    );
  }

  start(totalItems: number, totalBatches: number): void {
    this.batches = totalBatches;
    this.bar = this.multi.create(totalItems, 0, { batch: 0, batches: totalBatches });
  }

  advance(itemsDone: number, batchNumber: number): void {
    this.bar?.update(itemsDone, { batch: batchNumber, batches: this.batches });
  }

  note(line: string): void {
    this.multi.log(`${line}\n`);
  }

  stop(): void {
    this.multi.stop();
  }
}
