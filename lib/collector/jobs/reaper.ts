import { getDb } from "../../db";
import { isWorkerAlive, WORKER_STALE_MS, type JobQueue } from "../../jobs";
import { log, logUnexpected } from "../../log";
import { extendLease } from "../runs/lease";
import { closeIfDone } from "./close-run";
import { jobHolder } from "./holder";
import { COLLECT_JOBS, jobPriority } from "./names";

const REAP_INTERVAL_MS = 10_000;

// Work whose owner died is handed on, by every process that runs jobs or queues them (each
// action is conditional, so two reapers never both act on one job):
// - a running job whose heartbeat stopped (its worker died, hung, or lost the database) goes
//   back to the queue with its fence, so the old owner can no longer commit; a job of a
//   cancelled run is cancelled instead, its unread scopes skipped;
// - with the in-process driver, a queued job held in a dead process's memory is queued here;
// - with pg-boss, a queued job pg-boss no longer carries (taken by a worker that died) too;
// - a run with no job left that nobody closed is closed;
// - open runs keep their connection's lease while their jobs wait in the queue.
export async function reapOnce(queue: JobQueue, workerId: string, now = new Date()): Promise<number> {
  const workers = await getDb().worker.findMany({ where: { status: { in: ["running", "draining"] } } });
  const alive = new Set(workers.filter((worker) => isWorkerAlive(worker, now)).map((worker) => worker.id));
  const gone = workers.filter((worker) => !alive.has(worker.id)).map((worker) => worker.id);
  if (gone.length) await getDb().worker.updateMany({ where: { id: { in: gone } }, data: { status: "gone" } });

  let handed = 0;
  const stale = new Date(now.getTime() - WORKER_STALE_MS);
  const running = await getDb().runJob.findMany({
    where: { status: "running" },
    select: { id: true, runId: true, kind: true, fence: true, workerId: true, heartbeatAt: true },
  });
  for (const job of running) {
    const lost = !job.workerId || !alive.has(job.workerId) || !job.heartbeatAt || job.heartbeatAt < stale;
    if (!lost) continue;
    const run = await getDb().run.findUnique({ where: { id: job.runId }, select: { cancelRequested: true } });
    if (run?.cancelRequested) {
      if (await cancelJob(job.id, job.fence, job.runId)) await closeIfDone(job.runId, queue);
      continue;
    }
    const back = await getDb().runJob.updateMany({
      where: { id: job.id, fence: job.fence, status: "running" },
      data: {
        status: "pending",
        workerId: jobHolder(queue.driver, workerId),
        lastError: `worker ${job.workerId} lost`,
      },
    });
    if (back.count === 0) continue;
    handed++;
    log("info", "collector.job_handed_over", {
      runJobId: job.id,
      runId: job.runId,
      from: job.workerId,
      fence: job.fence,
    });
    await send(queue, job);
  }

  // A queued job named after a dead process was in that process's memory (an in-process queue:
  // embedded SQLite, or the CLI on any database), so nobody else will send it. Unnamed queued
  // jobs are in pg-boss already; only an in-process reaper must take those too.
  const deadHolder = { AND: [{ workerId: { not: null } }, { workerId: { notIn: [...alive] } }] };
  const orphans = await getDb().runJob.findMany({
    where: { status: "pending", OR: queue.driver === "in-process" ? [{ workerId: null }, deadHolder] : [deadHolder] },
    select: { id: true, runId: true, kind: true, workerId: true },
  });
  for (const job of orphans) {
    const held = await getDb().runJob.updateMany({
      where: { id: job.id, status: "pending", workerId: job.workerId },
      data: { workerId: jobHolder(queue.driver, workerId) },
    });
    if (held.count === 1) await send(queue, job);
  }

  await resendUncarried(queue, now);

  const open = await getDb().run.findMany({
    where: { status: { in: ["queued", "running"] }, closedAt: null },
    select: { id: true, connectionId: true },
  });
  for (const run of open) {
    await extendLease(run.connectionId, run.id);
    const jobs = await getDb().runJob.groupBy({ by: ["status"], where: { runId: run.id }, _count: { _all: true } });
    const openJobs = jobs.filter((group) => ["pending", "running"].includes(group.status));
    if (jobs.length > 0 && openJobs.length === 0) await closeIfDone(run.id, queue);
  }
  return handed;
}

// A waiting job the shared queue no longer carries is queued again: pg-boss hands a job to one
// worker, and if that worker died between taking it and claiming it (or giving it back while its
// account was busy), pg-boss keeps it taken until its expiry, an hour later; a job whose claim
// failed on every attempt is gone from pg-boss too. Only jobs waiting longer than a worker's
// heartbeat allowance are looked at, so a job being queued right now is not. A copy too many is
// harmless: only one claim of a waiting job succeeds, the others find it gone.
async function resendUncarried(queue: JobQueue, now: Date): Promise<void> {
  if (queue.driver !== "pg-boss") return;
  const waiting = await getDb().runJob.findMany({
    where: { status: "pending", workerId: null, queuedAt: { lt: new Date(now.getTime() - WORKER_STALE_MS) } },
    select: { id: true, runId: true, kind: true },
  });
  if (!waiting.length) return;
  const carried = await queue.carriedValues("runJobId", WORKER_STALE_MS);
  for (const job of waiting) {
    if (!carried || carried.has(job.id)) continue;
    log("info", "collector.job_requeued", { runJobId: job.id, runId: job.runId });
    await send(queue, job);
  }
}

async function send(queue: JobQueue, job: { id: string; runId: string; kind: string }) {
  const run = await getDb().run.findUnique({ where: { id: job.runId }, select: { jobOptions: true } });
  const name =
    job.kind === "plan" ? COLLECT_JOBS.plan : job.kind === "config" ? COLLECT_JOBS.config : COLLECT_JOBS.region;
  await queue.send(
    name,
    { runId: job.runId, runJobId: job.id, options: JSON.parse(run?.jobOptions ?? "{}") },
    jobPriority(name),
  );
}

async function cancelJob(id: string, fence: number, runId: string): Promise<boolean> {
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    const cancelled = await tx.runJob.updateMany({
      where: { id, fence, status: { in: ["running", "pending"] } },
      data: { status: "cancelled", finishedAt: now },
    });
    if (cancelled.count === 0) return false;
    const skipped = await tx.runScope.updateMany({
      where: { runJobId: id, status: { in: ["pending", "running"] } },
      data: {
        status: "skipped",
        errorCode: "Cancelled",
        message: "The run was cancelled before this scope was read.",
        finishedAt: now,
      },
    });
    await tx.run.update({ where: { id: runId }, data: { scopesFailed: { increment: skipped.count } } });
    return true;
  });
}

export { cancelJob };

// Runs the reaper now and then every REAP_INTERVAL_MS until stopped.
export function startReaper(queue: JobQueue, workerId: string): () => void {
  const pass = () => void reapOnce(queue, workerId).catch(logUnexpected);
  pass();
  const timer = setInterval(pass, REAP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
