import PgBoss from "pg-boss";
import { logUnexpected } from "../log";
import { JOB_RETRY, type JobData, type JobHandler, type JobQueue, type SendOptions } from "./types";

// How long pg-boss lets a job stay active before failing it into a retry: the last safety net
// only. A dead worker's jobs are handed on much sooner from its missing heartbeat
// (lib/collector/jobs/reaper.ts): pg-boss 10 has no per-job heartbeat to extend a lease with.
const EXPIRE_SECONDS = 60 * 60;

// Jobs in PostgreSQL through pg-boss: any number of processes on any machines that reach the
// database take them (SELECT ... FOR UPDATE SKIP LOCKED), each job once at a time.
export async function createPgBossQueue(connectionString: string): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: 4,
    application_name: "cirrus-jobs",
    // Cirrus keeps its own run history; completed jobs need not linger.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 2,
  });
  boss.on("error", logUnexpected);
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name, {
      name,
      retryLimit: JOB_RETRY.limit,
      retryDelay: JOB_RETRY.delaySeconds,
      retryBackoff: true,
      expireInSeconds: EXPIRE_SECONDS,
    });
    created.add(name);
  };
  const running = new Set<AbortController>();
  const workIds: string[] = [];
  const idle: (() => void)[] = [];
  const settle = () => {
    if (running.size === 0) for (const resolve of idle.splice(0)) resolve();
  };

  const queue: JobQueue = {
    driver: "pg-boss",
    async send(name: string, data: JobData, options?: SendOptions) {
      await ensureQueue(name);
      await boss.send(name, data, options?.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {});
    },
    async work(handlers: Record<string, JobHandler>, concurrency: number, workerId: string) {
      for (const [name, handler] of Object.entries(handlers)) {
        await ensureQueue(name);
        // One polling loop per slot: pg-boss 10 hands each loop one job at a time, so a slow job
        // never holds a batch of others back.
        for (let slot = 0; slot < concurrency; slot++) {
          const id = await boss.work<JobData>(name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
            const controller = new AbortController();
            running.add(controller);
            try {
              await handler(job.data, { workerId, signal: controller.signal, queue, driver: "pg-boss" });
            } finally {
              running.delete(controller);
              settle();
            }
          });
          workIds.push(id);
        }
      }
    },
    inFlight: () => running.size,
    async stop(drainMs: number) {
      for (const id of workIds.splice(0)) await boss.offWork({ id });
      let aborted = 0;
      if (running.size) {
        const drained = await Promise.race([
          new Promise<boolean>((resolve) => idle.push(() => resolve(true))),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), drainMs).unref()),
        ]);
        if (!drained) {
          aborted = running.size;
          for (const controller of running) controller.abort(new Error("worker draining"));
          await new Promise<void>((resolve) => (running.size === 0 ? resolve() : idle.push(resolve)));
        }
      }
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
      return aborted;
    },
  };
  return queue;
}
