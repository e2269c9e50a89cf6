import PgBoss from "pg-boss";
import { logUnexpected } from "../log";
import { JOB_RETRY, type JobData, type JobHandler, type JobQueue, type JobRequest, type SendOptions } from "./types";

// Every Cirrus job goes through one pg-boss queue, its own name inside: one fetch serves all
// kinds, highest priority first, instead of an idle poll per kind and slot.
const QUEUE = "cirrus";
// How long pg-boss lets a job stay active before failing it into a retry: the last safety net
// only. A dead worker's jobs are handed on much sooner from its missing heartbeat
// (lib/collector/jobs/reaper.ts): pg-boss 10 has no per-job heartbeat to extend a lease with.
const EXPIRE_SECONDS = 60 * 60;
const IDLE_POLL_MS = 500;

type Envelope = { name: string; data: JobData };

// PostgreSQL's answers when processes starting side by side on a fresh database create the
// queue (and its partition table) at once: one of them fails (deadlock, duplicate), the queue
// then exists, and that process's retry finds it.
const CREATE_RACE_CODES = new Set(["40P01", "23505", "42P07"]);
const CREATE_ATTEMPTS = 5;

async function ensureQueue(boss: PgBoss): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (await boss.getQueue(QUEUE)) return;
      await boss.createQueue(QUEUE, {
        name: QUEUE,
        retryLimit: JOB_RETRY.limit,
        retryDelay: JOB_RETRY.delaySeconds,
        retryBackoff: true,
        expireInSeconds: EXPIRE_SECONDS,
      });
      return;
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (attempt >= CREATE_ATTEMPTS || !code || !CREATE_RACE_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}

// Jobs in PostgreSQL through pg-boss: any number of processes on any machines that reach the
// database take them (SELECT ... FOR UPDATE SKIP LOCKED: each job goes to one of them).
// The fetch loop is ours, on pg-boss's fetch / complete / fail: pg-boss 10's work() waits a full
// polling interval after every job, which caps a worker slot at two short jobs a second.
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
  await ensureQueue(boss);
  const running = new Set<AbortController>();
  const idle: (() => void)[] = [];
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  let stopping = false;
  const settle = () => {
    wake?.();
    if (running.size === 0) for (const resolve of idle.splice(0)) resolve();
  };
  const toInsert = ({ name, data, options }: JobRequest) => ({
    name: QUEUE,
    data: { name, data },
    priority: options?.priority,
    startAfter: options?.startAfterSeconds
      ? new Date(Date.now() + options.startAfterSeconds * 1000).toISOString()
      : undefined,
  });

  const queue: JobQueue = {
    driver: "pg-boss",
    async send(name: string, data: JobData, options?: SendOptions) {
      await boss.insert([toInsert({ name, data, options })]);
    },
    async sendMany(jobs: JobRequest[]) {
      for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500).map(toInsert));
    },
    async work(handlers: Record<string, JobHandler>, concurrency: number, workerId: string) {
      const run = async (job: PgBoss.JobWithMetadata<Envelope>) => {
        const controller = new AbortController();
        running.add(controller);
        try {
          const handler = handlers[job.data.name];
          if (!handler) throw new Error(`No handler for job ${job.data.name}`);
          await handler(job.data.data, {
            workerId,
            signal: controller.signal,
            queue,
            driver: "pg-boss",
            finalAttempt: job.retryCount >= job.retryLimit,
          });
          await boss.complete(QUEUE, job.id);
        } catch (error) {
          logUnexpected(error);
          await boss.fail(QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
        } finally {
          running.delete(controller);
          settle();
        }
      };
      loop = (async () => {
        while (!stopping) {
          const free = concurrency - running.size;
          const jobs =
            free > 0
              ? await boss.fetch<Envelope>(QUEUE, { batchSize: free, includeMetadata: true }).catch(logFetch)
              : [];
          for (const job of jobs) void run(job).catch(logUnexpected);
          if (jobs.length && running.size < concurrency) continue;
          // Full, or nothing to do: wait for a slot to free up, or poll again shortly.
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, free > 0 ? IDLE_POLL_MS : 60_000).unref();
          });
          wake = null;
        }
      })();
    },
    inFlight: () => running.size,
    async carriedValues(field: string, activeWithinMs: number) {
      const rows = (await boss.getDb().executeSql(
        `SELECT DISTINCT data->'data'->>$1 AS value FROM pgboss.job
          WHERE name = $2
            AND (state IN ('created', 'retry')
              OR (state = 'active' AND started_on > now() - make_interval(secs => $3)))`,
        [field, QUEUE, activeWithinMs / 1000],
      )) as { rows: { value: string | null }[] };
      return new Set(rows.rows.flatMap((row) => (row.value ? [row.value] : [])));
    },
    async stop(drainMs: number) {
      stopping = true;
      wake?.();
      await loop;
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
      await boss.stop({ graceful: false, wait: true });
      return aborted;
    },
  };
  return queue;
}

function logFetch(error: unknown): PgBoss.JobWithMetadata<Envelope>[] {
  logUnexpected(error);
  return [];
}
