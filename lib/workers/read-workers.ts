import { ACTIVE_STATUSES } from "../collector/runs/run-status";
import { getDb } from "../db";
import { isWorkerAlive, WORKER_STALE_MS } from "../jobs/liveness";
import { shownStatus, throughputOf, type WorkerStatus } from "./worker-view";

export type WorkerRow = {
  id: string;
  // "worker" (npm run worker), "app" (a web instance working jobs itself) or "cli"
  kind: string;
  host: string;
  pid: number;
  concurrency: number;
  status: WorkerStatus;
  alive: boolean;
  startedAt: string;
  heartbeatAt: string;
  stoppedAt: string | null;
  jobsInFlight: number;
  jobsDone: number;
  jobsHandedBack: number;
  itemsDone: number;
  itemsPerMinute: number | null;
  jobsPerMinute: number | null;
};

// Jobs of runs still open, by state: pending ones wait for a worker, running ones hold one.
export type QueueDepth = { pending: number; running: number };

// generatedAt is the "now" of every figure (rates, "last heartbeat 12 s ago"); staleAfterMs is
// how long without a heartbeat makes a worker gone.
export type WorkersOverview = { workers: WorkerRow[]; queue: QueueDepth; generatedAt: string; staleAfterMs: number };

export const WORKERS_SHOWN = 200;
// Stopped and gone workers stay listed this long after their last heartbeat, then drop off.
export const WORKERS_KEPT_DAYS = 7;

const WORKER_COLUMNS = {
  id: true,
  kind: true,
  host: true,
  pid: true,
  concurrency: true,
  status: true,
  startedAt: true,
  heartbeatAt: true,
  stoppedAt: true,
  jobsInFlight: true,
  jobsDone: true,
  jobsHandedBack: true,
  itemsDone: true,
} as const;

// Every worker that may still be alive (however many), then the newest of the rest: live ones
// first, each group newest first, at most WORKERS_SHOWN rows.
export async function listWorkers(now = new Date()): Promise<WorkersOverview> {
  const keptSince = new Date(now.getTime() - WORKERS_KEPT_DAYS * 86_400_000);
  const staleSince = new Date(now.getTime() - WORKER_STALE_MS);
  const [maybeAlive, recent, queue] = await Promise.all([
    getDb().worker.findMany({
      where: { status: { in: ["running", "draining"] }, heartbeatAt: { gte: staleSince } },
      select: WORKER_COLUMNS,
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      take: WORKERS_SHOWN,
    }),
    getDb().worker.findMany({
      where: { heartbeatAt: { gte: keptSince } },
      select: WORKER_COLUMNS,
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      take: WORKERS_SHOWN,
    }),
    queueDepth(),
  ]);
  const byId = new Map([...maybeAlive, ...recent].map((worker) => [worker.id, worker]));
  const rows = [...byId.values()].map((worker) => {
    const alive = (worker.status === "running" || worker.status === "draining") && isWorkerAlive(worker, now);
    return {
      ...worker,
      status: shownStatus(worker.status, alive),
      alive,
      startedAt: worker.startedAt.toISOString(),
      heartbeatAt: worker.heartbeatAt.toISOString(),
      stoppedAt: worker.stoppedAt?.toISOString() ?? null,
      ...throughputOf(worker, alive, now),
    };
  });
  rows.sort(
    (a, b) => Number(b.alive) - Number(a.alive) || b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id),
  );
  return {
    workers: rows.slice(0, WORKERS_SHOWN),
    queue,
    generatedAt: now.toISOString(),
    staleAfterMs: WORKER_STALE_MS,
  };
}

// Jobs of runs not yet closed; a closed run's leftover rows are history, not queue.
async function queueDepth(): Promise<QueueDepth> {
  const open = await getDb().run.findMany({
    where: { status: { in: ACTIVE_STATUSES }, closedAt: null },
    select: { id: true },
  });
  if (open.length === 0) return { pending: 0, running: 0 };
  const counts = await getDb().runJob.groupBy({
    by: ["status"],
    where: { runId: { in: open.map((run) => run.id) }, status: { in: ["pending", "running"] } },
    _count: { _all: true },
  });
  const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
  return { pending: count("pending"), running: count("running") };
}
