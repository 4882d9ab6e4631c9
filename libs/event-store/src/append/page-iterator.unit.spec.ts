import { flattenPages } from './page-iterator';
import { pagedRead } from './paged-read';

/** A hand-written page source that records how it is driven. */
function source(pages: readonly (readonly number[])[]) {
  const log = { nexts: 0, returns: 0 };
  let index = 0;
  const iterable: AsyncIterable<readonly number[]> = {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        log.nexts += 1;
        const page = pages[index];
        index += 1;
        return Promise.resolve(
          page === undefined
            ? { done: true as const, value: undefined }
            : { done: false as const, value: page },
        );
      },
      return: () => {
        log.returns += 1;
        return Promise.resolve({ done: true as const, value: undefined });
      },
    }),
  };
  return { iterable, log };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('flattenPages', () => {
  it('given pages, when iterated, then items come out mapped and in order', async () => {
    const { iterable, log } = source([[1, 2, 3], [4], [5, 6]]);
    expect(await collect(flattenPages(iterable, (n) => n * 10))).toEqual([10, 20, 30, 40, 50, 60]);
    expect(log.nexts).toBe(4);
    expect(log.returns).toBe(0);
  });

  it('given an empty page in between, when iterated, then it is skipped', async () => {
    const { iterable } = source([[1], [], [2]]);
    expect(await collect(flattenPages(iterable, (n) => n))).toEqual([1, 2]);
  });

  it('given no pages, when iterated, then it ends at once', async () => {
    const { iterable } = source([]);
    expect(await collect(flattenPages(iterable, (n) => n))).toEqual([]);
  });

  it('given items within one page, when next() is called, then the source is asked once per page', async () => {
    const { iterable, log } = source([[1, 2, 3]]);
    const iterator = flattenPages(iterable, (n) => n)[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    await iterator.next();
    expect(log.nexts).toBe(1);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('given a map that throws, when iterated, then the iteration rejects with that error', async () => {
    const { iterable } = source([[1, 2], [3]]);
    const failure = new Error('hash chain broken');
    const seen: number[] = [];
    const items = flattenPages(iterable, (n) => {
      if (n === 3) throw failure;
      return n;
    });
    await expect(
      (async () => {
        for await (const item of items) seen.push(item);
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual([1, 2]);
  });

  it('given a map that throws a non-Error, when iterated, then the iteration rejects with an Error carrying its text', async () => {
    const { iterable } = source([[1]]);
    const items = flattenPages(iterable, () => {
      const notAnError: unknown = 'bad row';
      throw notAnError;
    });
    await expect(collect(items)).rejects.toThrow(new Error('bad row'));
  });

  it('given a source that fails, when iterated, then the iteration rejects with its error', async () => {
    const failure = new Error('read failed');
    const failing: AsyncIterable<readonly number[]> = {
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(failure) }),
    };
    await expect(collect(flattenPages(failing, (n) => n))).rejects.toBe(failure);
  });

  it('given a consumer that breaks early, when iterated, then return is called on the source', async () => {
    const { iterable, log } = source([
      [1, 2],
      [3, 4],
    ]);
    for await (const item of flattenPages(iterable, (n) => n)) {
      if (item === 1) break;
    }
    expect(log.returns).toBe(1);
    expect(log.nexts).toBe(1);
  });

  it('given a consumer that throws inside the loop, when iterated, then return is called on the source', async () => {
    const { iterable, log } = source([[1, 2]]);
    await expect(
      (async () => {
        for await (const item of flattenPages(iterable, (n) => n)) {
          if (item === 2) throw new Error('consumer failed');
        }
      })(),
    ).rejects.toThrow('consumer failed');
    expect(log.returns).toBe(1);
  });

  it('given a source without return, when the consumer breaks, then it still ends cleanly', async () => {
    const pages = [[1, 2]];
    const bare: AsyncIterable<readonly number[]> = {
      [Symbol.asyncIterator]: () => {
        let i = 0;
        return {
          next: () => {
            const page = pages[i];
            i += 1;
            return Promise.resolve(
              page === undefined
                ? { done: true as const, value: undefined }
                : { done: false as const, value: page },
            );
          },
        };
      },
    };
    const seen: number[] = [];
    for await (const item of flattenPages(bare, (n) => n)) {
      seen.push(item);
      break;
    }
    expect(seen).toEqual([1]);
  });

  it('given a pagedRead generator as the source, when the consumer breaks, then the generator is closed and fetches stop', async () => {
    let fetches = 0;
    let finished = false;
    async function* pages(): AsyncGenerator<readonly number[]> {
      try {
        yield* pagedRead(
          (from, limit) => {
            fetches += 1;
            return Array.from({ length: limit }, (_, i) => from + i);
          },
          (n) => n,
          1,
          'forwards',
          Number.MAX_SAFE_INTEGER,
          3,
        );
      } finally {
        finished = true;
      }
    }
    const seen: number[] = [];
    for await (const item of flattenPages(pages(), (n) => n)) {
      seen.push(item);
      if (item === 4) break;
    }
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(fetches).toBe(2);
    expect(finished).toBe(true);
  });
});
