import { getDb } from "../../db";
import { isWorkerAlive } from "../../jobs/liveness";

// A worker running some of an account's jobs right now. Host and pid are deployment details,
// shown to admins only (redact-run.ts drops them for viewers, as the Workers page is admin-only).
export type WorkerOnAccount = { host: string; pid: number; alive: boolean; jobs: number };

export type AccountProgress = {
  accountId: string;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  running: number;
  // How many workers run its jobs now, and (admins) which.
  workerCount: number;
  workers: WorkerOnAccount[];
  // Its jobs taken more than once: their first worker died or drained and another took over.
  handedOver: number;
};

type Job = {
  id: string;
  accountId: string | null;
  status: string;
  workerId: string | null;
  claims: number;
  heartbeatAt: Date | null;
};

// Per account of the run: its scopes by status, who works on it now, and what was handed over.
export async function readRunProgress(runId: string): Promise<AccountProgress[]> {
  const [counts, jobs] = await Promise.all([
    getDb().runScope.groupBy({ by: ["accountId", "status"], where: { runId }, _count: { _all: true } }),
    // Only the jobs that say something here: running now, or taken more than once.
    getDb().runJob.findMany({
      where: { runId, OR: [{ status: "running" }, { claims: { gt: 1 } }] },
      select: { id: true, accountId: true, status: true, workerId: true, claims: true, heartbeatAt: true },
    }),
  ]);
  const accounts = new Map<string, AccountProgress>();
  for (const row of counts) {
    const account = accounts.get(row.accountId) ?? emptyProgress(row.accountId);
    account.total += row._count._all;
    if (row.status === "succeeded") account.done += row._count._all;
    else if (row.status === "failed") account.failed += row._count._all;
    else if (row.status === "skipped") account.skipped += row._count._all;
    else if (row.status === "running") account.running += row._count._all;
    accounts.set(row.accountId, account);
  }
  const jobAccounts = await accountsOfJobs(jobs);
  const workers = await workersById(jobs);
  for (const account of accounts.values()) {
    const mine = jobs.filter((job) => jobAccounts.get(job.id)?.has(account.accountId));
    account.handedOver = mine.filter((job) => job.claims > 1).length;
    const running = new Map<string, WorkerOnAccount>();
    for (const job of mine) {
      if (job.status !== "running" || !job.workerId) continue;
      const entry = running.get(job.workerId) ?? { ...describeWorker(job, workers), jobs: 0 };
      entry.jobs++;
      running.set(job.workerId, entry);
    }
    account.workers = [...running.values()].sort((a, b) => a.host.localeCompare(b.host) || a.pid - b.pid);
    account.workerCount = account.workers.length;
  }
  return [...accounts.values()].sort((a, b) => a.accountId.localeCompare(b.accountId));
}

function emptyProgress(accountId: string): AccountProgress {
  const zero = { total: 0, done: 0, failed: 0, skipped: 0, running: 0, workerCount: 0, handedOver: 0 };
  return { accountId, ...zero, workers: [] };
}

// A region job names its account; a config job (one aggregator query) serves every account
// whose scopes point at it.
async function accountsOfJobs(jobs: Job[]): Promise<Map<string, Set<string>>> {
  const byJob = new Map<string, Set<string>>(
    jobs.map((job) => [job.id, new Set(job.accountId ? [job.accountId] : [])]),
  );
  const unnamed = jobs.filter((job) => !job.accountId).map((job) => job.id);
  if (unnamed.length === 0) return byJob;
  const scopes = await getDb().runScope.findMany({
    where: { runJobId: { in: unnamed } },
    select: { runJobId: true, accountId: true },
    distinct: ["runJobId", "accountId"],
  });
  for (const scope of scopes) byJob.get(scope.runJobId!)?.add(scope.accountId);
  return byJob;
}

type WorkerRecord = { id: string; host: string; pid: number; heartbeatAt: Date; status: string };

async function workersById(jobs: Job[]): Promise<Map<string, WorkerRecord>> {
  const ids = [...new Set(jobs.flatMap((job) => (job.status === "running" && job.workerId ? [job.workerId] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await getDb().worker.findMany({
    where: { id: { in: ids } },
    select: { id: true, host: true, pid: true, heartbeatAt: true, status: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

// Without its Worker row (not written yet, or removed), a worker is known by its id, which
// begins with host:pid, and lives as long as it keeps the job's heartbeat.
function describeWorker(job: Job, workers: Map<string, WorkerRecord>): Omit<WorkerOnAccount, "jobs"> {
  const workerId = job.workerId!;
  const row = workers.get(workerId);
  if (row) {
    const alive = (row.status === "running" || row.status === "draining") && isWorkerAlive(row);
    return { host: row.host, pid: row.pid, alive };
  }
  const [host = workerId, pidText = ""] = workerId.split(":");
  const pid = Number(pidText) || 0;
  return { host, pid, alive: isWorkerAlive({ host, pid, heartbeatAt: job.heartbeatAt ?? new Date(0) }) };
}
