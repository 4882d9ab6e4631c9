import type { Direction } from '../port/types';
import { pagedRead, READ_PAGE_SIZE } from './paged-read';

interface Row {
  readonly key: number;
}

/** A keyed table that answers `key >= from` ascending or `key <= from` descending, and records calls. */
function table(keys: readonly number[], direction: Direction, options: { async?: boolean } = {}) {
  const calls: [number, number][] = [];
  const fetchPage = (from: number, limit: number): Row[] | Promise<Row[]> => {
    calls.push([from, limit]);
    const rows =
      direction === 'forwards'
        ? keys.filter((key) => key >= from).sort((a, b) => a - b)
        : keys.filter((key) => key <= from).sort((a, b) => b - a);
    const page = rows.slice(0, limit).map((key) => ({ key }));
    return options.async === true ? Promise.resolve(page) : page;
  };
  return { fetchPage, calls };
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function pagesOf(iterable: AsyncIterable<readonly Row[]>): Promise<number[][]> {
  const pages: number[][] = [];
  for await (const page of iterable) pages.push(page.map((row) => row.key));
  return pages;
}

const keyOf = (row: Row): number => row.key;
const END = Number.MAX_SAFE_INTEGER;

describe('pagedRead', () => {
  it('given more rows than a page, when read forwards, then pages follow the keyset and the short last page ends the read', async () => {
    const { fetchPage, calls } = table(range(1, 7), 'forwards');
    const pages = await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', END, 3));
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(calls).toEqual([
      [1, 3],
      [4, 3],
      [7, 3],
    ]);
  });

  it('given more rows than a page, when read backwards from the end, then pages descend and the cursor moves below the last key', async () => {
    const { fetchPage, calls } = table(range(1, 7), 'backwards');
    const pages = await pagesOf(pagedRead(fetchPage, keyOf, END, 'backwards', END, 3));
    expect(pages).toEqual([[7, 6, 5], [4, 3, 2], [1]]);
    expect(calls).toEqual([
      [END, 3],
      [4, 3],
      [1, 3],
    ]);
  });

  it('given keys with gaps, when read, then the cursor follows the last key, not a count', async () => {
    const { fetchPage, calls } = table([2, 5, 9, 14, 20], 'forwards');
    const pages = await pagesOf(pagedRead(fetchPage, keyOf, 3, 'forwards', END, 2));
    expect(pages).toEqual([
      [5, 9],
      [14, 20],
    ]);
    expect(calls).toEqual([
      [3, 2],
      [10, 2],
      [21, 2],
    ]);
  });

  it('given a start in the middle, when read backwards, then it starts there inclusive', async () => {
    const { fetchPage } = table(range(1, 10), 'backwards');
    expect(await pagesOf(pagedRead(fetchPage, keyOf, 5, 'backwards', END, 4))).toEqual([
      [5, 4, 3, 2],
      [1],
    ]);
  });

  it('given an exact multiple of the page size and no maxCount, when read, then one empty fetch ends it and no empty page is yielded', async () => {
    const { fetchPage, calls } = table(range(1, 6), 'forwards');
    const pages = await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', END, 3));
    expect(pages).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(calls).toEqual([
      [1, 3],
      [4, 3],
      [7, 3],
    ]);
  });

  it('given a maxCount that is an exact multiple of the page size, when read, then no extra fetch is made', async () => {
    const { fetchPage, calls } = table(range(1, 20), 'forwards');
    const pages = await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', 6, 3));
    expect(pages).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(calls).toHaveLength(2);
  });

  it('given a maxCount smaller than a page, when read, then one fetch asks for maxCount rows', async () => {
    const { fetchPage, calls } = table(range(1, 20), 'forwards');
    expect(await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', 2, 3))).toEqual([[1, 2]]);
    expect(calls).toEqual([[1, 2]]);
  });

  it('given a maxCount larger than a page but not a multiple, when read, then the last fetch asks only for the rest', async () => {
    const { fetchPage, calls } = table(range(1, 20), 'backwards');
    const pages = await pagesOf(pagedRead(fetchPage, keyOf, 20, 'backwards', 5, 3));
    expect(pages).toEqual([
      [20, 19, 18],
      [17, 16],
    ]);
    expect(calls).toEqual([
      [20, 3],
      [17, 2],
    ]);
  });

  it('given a maxCount larger than the table, when read, then it stops at the short page', async () => {
    const { fetchPage, calls } = table(range(1, 4), 'forwards');
    expect(await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', 100, 3))).toEqual([
      [1, 2, 3],
      [4],
    ]);
    expect(calls).toEqual([
      [1, 3],
      [4, 3],
    ]);
  });

  it('given an empty table, when read, then nothing is yielded after one fetch', async () => {
    const { fetchPage, calls } = table([], 'forwards');
    expect(await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', END, 3))).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('given maxCount 0, when read, then nothing is fetched', async () => {
    const { fetchPage, calls } = table(range(1, 3), 'forwards');
    expect(await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', 0, 3))).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('given an asynchronous fetch, when read, then pages are the same', async () => {
    const { fetchPage } = table(range(1, 5), 'forwards', { async: true });
    expect(await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', END, 2))).toEqual([
      [1, 2],
      [3, 4],
      [5],
    ]);
  });

  it('given no page size, when read, then READ_PAGE_SIZE rows are asked for', async () => {
    const { fetchPage, calls } = table(range(1, 3), 'forwards');
    await pagesOf(pagedRead(fetchPage, keyOf, 1, 'forwards', END));
    expect(calls).toEqual([[1, READ_PAGE_SIZE]]);
    expect(READ_PAGE_SIZE).toBe(2_000);
  });

  it('given a consumer that breaks early, when read, then no further page is fetched', async () => {
    const { fetchPage, calls } = table(range(1, 100), 'forwards');
    for await (const page of pagedRead(fetchPage, keyOf, 1, 'forwards', END, 10)) {
      expect(page).toHaveLength(10);
      break;
    }
    expect(calls).toEqual([[1, 10]]);
  });

  it('given a fetch that fails, when read, then the iteration rejects with its error', async () => {
    const failure = new Error('connection lost');
    let fetches = 0;
    const fetchPage = (from: number): Row[] => {
      fetches += 1;
      if (fetches === 2) throw failure;
      return [{ key: from }, { key: from + 1 }];
    };
    const seen: number[][] = [];
    await expect(
      (async () => {
        for await (const page of pagedRead(fetchPage, keyOf, 1, 'forwards', END, 2)) {
          seen.push(page.map(keyOf));
        }
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual([[1, 2]]);
  });
});
