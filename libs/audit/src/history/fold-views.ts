import { ALL_PROJECTIONS } from '@ledger/projections/index';
import {
  foldEvents,
  viewsOf,
  type ProjectedEvent,
  type Projection,
} from '@ledger/projections/shared/projection';

/** Which documents of a model to keep (every one by default). */
export type KeepDocument = (model: string, key: string) => boolean;

/** The projections the projector runs (ALL_PROJECTIONS), or those of them named. */
export function projectionsNamed(
  names: readonly string[] | undefined,
): readonly Projection<unknown, unknown>[] {
  return names === undefined
    ? ALL_PROJECTIONS
    : ALL_PROJECTIONS.filter((projection) => names.includes(projection.name));
}

/**
 * Projections the projector runs (every one by default), folded over the events in the order
 * given — log order — with the projector's own code: model → key → view.
 */
export function foldViews(
  events: readonly ProjectedEvent[],
  keep: KeepDocument = () => true,
  projections: readonly Projection<unknown, unknown>[] = ALL_PROJECTIONS,
): Map<string, Map<string, unknown>> {
  const models = new Map<string, Map<string, unknown>>();
  for (const projection of projections) {
    const docs = foldEvents(projection, events);
    for (const key of [...docs.keys()]) if (!keep(projection.name, key)) docs.delete(key);
    models.set(projection.name, viewsOf(projection, docs));
  }
  return models;
}

/**
 * The documents a scoped read folds completely: those an event of a stream other than a
 * program's touched (the scope's platform and platform-year streams), and those keyed by a
 * platform in scope (`id` or `id/…`). A program's publication also names platforms out of scope,
 * whose own streams were not read: their documents would be partial, so they are left out.
 */
export function documentsInScope(
  events: readonly ProjectedEvent[],
  platformIds: readonly string[],
  isProgramStream: (stream: string) => boolean,
  projections: readonly Projection<unknown, unknown>[] = ALL_PROJECTIONS,
): KeepDocument {
  const touched = new Map<string, Set<string>>();
  for (const projection of projections) {
    const keys = new Set<string>();
    for (const event of events) {
      if (isProgramStream(event.stream) || !projection.eventTypes.has(event.type)) continue;
      for (const key of projection.keysOf(event)) keys.add(key);
    }
    touched.set(projection.name, keys);
  }
  const platforms = new Set(platformIds);
  return (model, key) => {
    if (touched.get(model)?.has(key) === true) return true;
    const slash = key.indexOf('/');
    return platforms.has(slash < 0 ? key : key.slice(0, slash));
  };
}
