import type { Command } from 'commander';
import {
  createProjector,
  openReadModels,
  PROJECTIONS,
} from '../../../projector/src/open-projector';
import type { ModelStatus } from '../../../projector/src/projector';
import { lagBehind } from '@ledger/read-models';
import { print, withStore } from '../open-store';

function line(status: ModelStatus): string {
  return `${status.model.padEnd(24)} generation ${String(status.generation).padStart(3)}  v${String(status.version)}  ${status.status.padEnd(8)}  position ${String(status.position).padStart(9)}  lag ${String(status.lag)}`;
}

export function registerProjectionCommands(program: Command): void {
  const projections = program
    .command('projections')
    .description('read models: status (position and lag) and rebuild');

  projections
    .command('status')
    .description("each read model's generation, applied position and lag behind the log")
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const statuses = await withStore(async (events) => {
        const readModels = await openReadModels();
        try {
          const head = await events.headPosition();
          const generations = await readModels.generations();
          return generations.map((g): ModelStatus => ({
            model: g.model,
            generation: g.generation,
            version: g.version,
            status: g.status,
            position: g.position,
            head,
            lag: lagBehind(head, g.position),
          }));
        } finally {
          await readModels.close();
        }
      });
      if (options.json === true) print(JSON.stringify(statuses));
      else if (statuses.length === 0) print('no read models yet (start the API or the projector)');
      else for (const status of statuses) print(line(status));
    });

  projections
    .command('rebuild [name]')
    .description(
      'replay the whole log into a fresh generation of one model (or every model) and swap it in; the old one keeps serving until then',
    )
    .action(async (name: string | undefined) => {
      const names = name === undefined ? PROJECTIONS.map((p) => p.name) : [name];
      const unknown = names.filter((n) => !PROJECTIONS.some((p) => p.name === n));
      if (unknown.length > 0) {
        throw new Error(
          `no projection named ${unknown.join(', ')} (known: ${PROJECTIONS.map((p) => p.name).join(', ')})`,
        );
      }
      await withStore(async (events) => {
        const readModels = await openReadModels();
        try {
          const started = Date.now();
          const statuses = await createProjector(events, readModels).rebuild(names);
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          for (const status of statuses) print(`${line(status)}  rebuilt in ${seconds} s`);
        } finally {
          await readModels.close();
        }
      });
    });
}
