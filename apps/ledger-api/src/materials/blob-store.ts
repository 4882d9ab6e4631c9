import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  readonly sha256: string;
  readonly sizeBytes: number;
}

export class BlobTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the file exceeds the upload limit of ${String(limitBytes)} bytes`);
  }
}

/** An upload received and hashed, not yet part of the store: kept only if its event is. */
export interface StagedBlob extends StoredBlob {
  /** Moves the file under its SHA-256 (a file with that name already holds the same bytes). */
  keep(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Content-addressed storage for evidence files: a blob's name is its SHA-256, so the same file
 * uploaded twice is stored once and an event's hash names exactly one file. An S3-compatible
 * store implements the same interface.
 */
export interface BlobStore {
  /** Streams the content in, refusing (and keeping nothing of) anything over `limitBytes`. */
  stage(content: Readable, limitBytes: number): Promise<StagedBlob>;
  stat(sha256: string): Promise<StoredBlob | null>;
}

export class DirectoryBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async stage(content: Readable, limitBytes: number): Promise<StagedBlob> {
    const incoming = join(this.root, 'incoming');
    await mkdir(incoming, { recursive: true });
    const temporary = join(incoming, randomUUID());
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > limitBytes) {
          done(new BlobTooLargeError(limitBytes));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, meter, createWriteStream(temporary, { flags: 'wx' }));
    } catch (error) {
      await rm(temporary, { force: true });
      // The rest of the request body must still be drained for the reply to be sent.
      content.resume();
      throw error;
    }
    const sha256 = hash.digest('hex');
    const final = this.pathOf(sha256);
    return {
      sha256,
      sizeBytes,
      keep: async () => {
        await mkdir(join(final, '..'), { recursive: true });
        await rename(temporary, final);
      },
      discard: () => rm(temporary, { force: true }),
    };
  }

  async stat(sha256: string): Promise<StoredBlob | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    try {
      const info = await stat(this.pathOf(sha256));
      return { sha256, sizeBytes: info.size };
    } catch {
      return null;
    }
  }

  pathOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }
}
