import type { EventStore } from '@ledger/event-store';
import { ALL_PROJECTIONS } from '@ledger/projections/index';
import {
  openReadModelStore,
  readModelStoreConfigFromEnv,
  type ReadModelStore,
} from '@ledger/read-models';
import type { AnyProjection } from './model-runner';
import { DEFAULT_PROJECTOR_OPTIONS, Projector, type ProjectorOptions } from './projector';

/** Every projection of projections/, as the projector runs them. */
export const PROJECTIONS: readonly AnyProjection[] = ALL_PROJECTIONS;

export async function openReadModels(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ReadModelStore> {
  return openReadModelStore(readModelStoreConfigFromEnv(env));
}

export function createProjector(
  events: EventStore,
  readModels: ReadModelStore,
  options: Partial<ProjectorOptions> = {},
): Projector {
  return new Projector(events, readModels, PROJECTIONS, {
    ...DEFAULT_PROJECTOR_OPTIONS,
    ...options,
  });
}
