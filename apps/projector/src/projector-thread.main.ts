import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openEventStore } from '@ledger/event-store';
import { openReadModelStore } from '@ledger/read-models';
import { createProjector } from './open-projector';
import type {
  ProjectorThreadData,
  ProjectorThreadReply,
  ProjectorThreadRequest,
} from './projector-thread';

/** Linux nice value of the projector's thread (0 is the request thread's, 19 the lowest). */
const PROJECTOR_NICE = 10;

/**
 * Folding and serialising read models is background work: on Linux this thread (and the threads
 * it starts) run at a lower priority than the thread answering requests, so on a busy machine the
 * cores go to requests first and the read models catch up as the load eases. Under a load that
 * keeps both cores busy the projector gets about a tenth of one, and read-your-writes waits grow.
 * Where a lower priority is not possible the thread runs at normal priority.
 */
function yieldCoresToRequests(): void {
  try {
    // /proc/thread-self is this thread's task: `<pid>/task/<tid>`.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(tid) && tid > 0 && tid !== process.pid)
      setPriority(tid, PROJECTOR_NICE);
  } catch {
    // Not Linux, or not permitted: normal priority.
  }
}

/** The projector thread's body: its own connections to both stores, one Projector, stop on request. */
async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('projector-thread.main runs on a worker thread');
  const post = (reply: ProjectorThreadReply): void => {
    port.postMessage(reply);
  };
  yieldCoresToRequests();
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
