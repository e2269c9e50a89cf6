import { getEnv } from "../../env";
import { createInProcessQueue, registerWorker, startJobRuntime, PROCESS_WORKER_ID, type JobQueue } from "../../jobs";
import type { WorkerKind } from "../../jobs/worker-registry";
import { COLLECTION_HANDLERS } from "./handlers";
import { collectionHeartbeat } from "./heartbeat";
import { startReaper } from "./reaper";

export type CollectionRuntime = { queue: JobQueue; workerId: string; close: (drainMs: number) => Promise<void> };

const global = globalThis as unknown as { cirrusCollectionRuntime?: Promise<CollectionRuntime> };

// The process's collection runtime: the web app (kind "app") and `npm run worker` (kind
// "worker") start one. It takes collection jobs unless `work` is false (a web app beside
// workers only queues), and runs the reaper that hands on dead processes' work either way.
export function startCollectionRuntime(kind: WorkerKind, work: boolean): Promise<CollectionRuntime> {
  global.cirrusCollectionRuntime ??= (async () => {
    const runtime = await startJobRuntime({
      kind,
      work,
      concurrency: getEnv().WORKER_CONCURRENCY,
      handlers: COLLECTION_HANDLERS,
      beat: collectionHeartbeat,
    });
    const stopReaper = startReaper(runtime.queue, runtime.workerId);
    return {
      queue: runtime.queue,
      workerId: runtime.workerId,
      close: async (drainMs) => {
        stopReaper();
        await runtime.close(drainMs);
        global.cirrusCollectionRuntime = undefined;
      },
    };
  })();
  return global.cirrusCollectionRuntime;
}

export function runningCollectionRuntime(): Promise<CollectionRuntime> | undefined {
  return global.cirrusCollectionRuntime;
}

// A queue of this process's own for one collection awaited here (CLI, tests): the same
// handlers, in memory, with this process registered as the worker running them.
export async function privateCollectionQueue(concurrency: number): Promise<{ queue: JobQueue; workerId: string }> {
  const queue = createInProcessQueue();
  await registerWorker("cli", concurrency, { inFlight: queue.inFlight, beat: collectionHeartbeat });
  await queue.work(COLLECTION_HANDLERS, concurrency, PROCESS_WORKER_ID);
  return { queue, workerId: PROCESS_WORKER_ID };
}
