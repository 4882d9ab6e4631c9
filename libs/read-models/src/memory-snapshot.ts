import type { ReadModelSnapshot } from './read-model-reader';

/**
 * A snapshot over views held in memory (model → key → view): what an audit replay or a
 * reproduction folds from the log up to a position, read through the same interface as the stores.
 */
export function memorySnapshot(
  position: number,
  models: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
): ReadModelSnapshot {
  const of = (model: string): ReadonlyMap<string, unknown> => models.get(model) ?? new Map();
  return {
    position,
    view: <V>(model: string, key: string) =>
      Promise.resolve((of(model).get(key) ?? null) as V | null),
    views: <V>(model: string, keys: readonly string[]) => {
      const found = new Map<string, V>();
      for (const key of keys) {
        const view = of(model).get(key);
        if (view !== undefined) found.set(key, view as V);
      }
      return Promise.resolve(found);
    },
    viewsWithPrefix: <V>(model: string, prefix: string) => {
      const keys = [...of(model).keys()].filter((key) => key.startsWith(prefix)).sort();
      return Promise.resolve(new Map(keys.map((key) => [key, of(model).get(key) as V])));
    },
  };
}
