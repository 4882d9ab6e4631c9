/**
 * Flattens pages into single items without an async generator: within a page, next() hands back
 * an already-resolved promise, so per-event cost stays close to a plain loop. `map` may throw
 * (e.g. a row that does not parse); that rejects the iteration and releases the source.
 */
export function flattenPages<Page extends readonly unknown[], Item>(
  pages: AsyncIterable<Page>,
  map: (row: Page[number]) => Item,
): AsyncIterable<Item> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Item> {
      const source = pages[Symbol.asyncIterator]();
      let page: Page | undefined;
      let index = 0;
      const next = (): Promise<IteratorResult<Item>> => {
        if (page !== undefined && index < page.length) {
          const row = page[index] as Page[number];
          index += 1;
          try {
            return Promise.resolve({ value: map(row), done: false });
          } catch (error) {
            // The iteration ends here: the source (perhaps a reader thread) is released.
            void source.return?.();
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
          }
        }
        return source.next().then((result) => {
          if (result.done === true) return { value: undefined, done: true };
          page = result.value;
          index = 0;
          return next();
        });
      };
      return {
        next,
        return: async (): Promise<IteratorResult<Item>> => {
          await source.return?.();
          return { value: undefined, done: true };
        },
      };
    },
  };
}
