import { parentPort, workerData } from 'node:worker_threads';
import { openEventStore } from '@ledger/event-store';
import { openReadModelStore } from '@ledger/read-models';
import { createProjector } from './open-projector';
import type {
  ProjectorThreadData,
  ProjectorThreadReply,
  ProjectorThreadRequest,
} from './projector-thread';

/** The projector thread's body: its own connections to both stores, one Projector, stop on request. */
async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('projector-thread.main runs on a worker thread');
  const post = (reply: ProjectorThreadReply): void => {
    port.postMessage(reply);
  };
  const data = workerData as ProjectorThreadData;
  const events = await openEventStore(data.events);
  const readModels = await openReadModelStore(data.readModels);
  const projector = createProjector(events, readModels, {
    onError: (error) => {
      post({ kind: 'error', message: messageOf(error) });
    },
  });
  port.once('message', (request: ProjectorThreadRequest) => {
    request.kind satisfies 'stop';
    void projector
      .stop()
      .then(() => Promise.all([readModels.close(), events.close()]))
      .then(
        () => {
          post({ kind: 'stopped' });
          port.close();
        },
        (error: unknown) => {
          post({ kind: 'failed', message: messageOf(error) });
          port.close();
        },
      );
  });
  await projector.start();
  post({ kind: 'started' });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  parentPort?.postMessage({
    kind: 'failed',
    message: messageOf(error),
  } satisfies ProjectorThreadReply);
  parentPort?.close();
});
