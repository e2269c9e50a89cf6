import { getDatabaseTarget } from "../db";
import { createInProcessQueue } from "./in-process-queue";
import { createPgBossQueue } from "./pg-boss-queue";
import type { JobHandler, JobQueue } from "./types";
import { PROCESS_WORKER_ID, registerWorker, type WorkerKind, type WorkerStats } from "./worker-registry";

export type JobRuntime = {
  queue: JobQueue;
  workerId: string;
  // Null when this process only enqueues (web app beside worker processes).
  stats: WorkerStats | null;
  // Drains (jobs in flight get drainMs to finish, then are handed back) and deregisters.
  close: (drainMs: number) => Promise<void>;
};

type Options = {
  kind: WorkerKind;
  // Take jobs in this process (false: only enqueue them for workers elsewhere).
  work: boolean;
  concurrency: number;
  handlers: Record<string, JobHandler>;
  beat: () => Promise<void>;
  // Force the driver (the CLI and tests run one collection in-process whatever the database).
  driver?: JobQueue["driver"];
};

// One runtime handle per process (cf. formbricks packages/jobs runtime): PostgreSQL means
// pg-boss, shared by every process that reaches the database; embedded SQLite means jobs in
// this process's memory.
export async function startJobRuntime(options: Options): Promise<JobRuntime> {
  const target = getDatabaseTarget();
  const driver = options.driver ?? (target.provider === "postgresql" ? "pg-boss" : "in-process");
  const queue =
    driver === "pg-boss" && target.provider === "postgresql"
      ? await createPgBossQueue(target.url)
      : createInProcessQueue();
  if (!options.work)
    return { queue, workerId: PROCESS_WORKER_ID, stats: null, close: async () => void (await queue.stop(0)) };
  const worker = await registerWorker(options.kind, options.concurrency, {
    inFlight: queue.inFlight,
    beat: options.beat,
  });
  await queue.work(options.handlers, options.concurrency, PROCESS_WORKER_ID);
  let closing: Promise<void> | undefined;
  return {
    queue,
    workerId: PROCESS_WORKER_ID,
    stats: worker.stats,
    close: (drainMs) =>
      (closing ??= (async () => {
        await worker.setStatus("draining");
        worker.stats.jobsHandedBack += await queue.stop(drainMs);
        await worker.stop();
      })()),
  };
}
