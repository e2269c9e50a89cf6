// The scale-out bench's web app: it only queues (as beside workers, JOBS_IN_APP=off), so the
// run is taken by the worker processes alone. Says "[queue] ready" on stderr, queues one run
// when the parent writes a line on stdin (after it read the workers' CPU), says "[queue] closed"
// the moment the run is closed, then prints what was stored and who did what as one JSON line.
// Usage (from workers-bench.ts): workers-queue.ts <connectionId>
import readline from "node:readline";
import { AUDIT } from "../../lib/audit/actions";
import { queueRun } from "../../lib/collector/jobs/open-run";
import { startCollectionRuntime } from "../../lib/collector/jobs/runtime";
import { disconnectDb, getDb } from "../../lib/db";

export type StoredCounts = { instances: number; hosts: number; reservedInstances: number; dbInstances: number };
export type WorkerShare = { workerId: string; jobs: number; items: number };
export type WorkersQueueResult = {
  status: string;
  errorMessage: string | null;
  /** Queue to close: from just before queueRun to the run's closedAt (snapshot, status, audit). */
  wallMs: number;
  scopesPlanned: number;
  scopesFailed: number;
  /** Failed scopes by resource type and error code, with one message of each. */
  failures: Record<string, { scopes: number; message: string | null }>;
  runRequests: number;
  runThrottles: number;
  stored: StoredCounts;
  snapshots: number;
  finishedAuditEntries: number;
  jobs: number;
  /** Jobs claimed more than once (handed back or taken over). */
  jobsReclaimed: number;
  byWorker: WorkerShare[];
};

const [connectionId] = process.argv.slice(2);
const db = getDb();
const runtime = await startCollectionRuntime("app", false);
process.stderr.write("[queue] ready\n");
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once("line", () => resolve()));

const queuedAt = Date.now();
const opened = await queueRun({ connectionId, trigger: "manual" }, runtime.queue, runtime.workerId);
if (!opened.queued) throw new Error(`the run was not queued (run ${opened.runId})`);
let run = await db.run.findUniqueOrThrow({ where: { id: opened.runId } });
while (!run.closedAt) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  run = await db.run.findUniqueOrThrow({ where: { id: opened.runId } });
}
process.stderr.write("[queue] closed\n");

const current = { connectionId, removedAt: null };
const failures: WorkersQueueResult["failures"] = {};
for (const scope of await db.runScope.findMany({ where: { runId: run.id, status: "failed" } })) {
  const key = `${scope.resourceType}:${scope.errorCode}`;
  failures[key] = { scopes: (failures[key]?.scopes ?? 0) + 1, message: failures[key]?.message ?? scope.message };
}
const jobs = await db.runJob.findMany({
  where: { runId: run.id },
  select: { workerId: true, items: true, claims: true },
});
const byWorker = new Map<string, WorkerShare>();
for (const job of jobs) {
  const workerId = job.workerId ?? "(none)";
  const share = byWorker.get(workerId) ?? { workerId, jobs: 0, items: 0 };
  share.jobs += 1;
  share.items += job.items;
  byWorker.set(workerId, share);
}
const output: WorkersQueueResult = {
  status: run.status,
  errorMessage: run.errorMessage,
  wallMs: run.closedAt.getTime() - queuedAt,
  scopesPlanned: run.scopesPlanned,
  scopesFailed: run.scopesFailed,
  failures,
  runRequests: run.requests,
  runThrottles: run.throttles,
  stored: {
    instances: await db.ec2Instance.count({ where: current }),
    hosts: await db.dedicatedHost.count({ where: current }),
    reservedInstances: await db.reservedInstance.count({ where: current }),
    dbInstances: await db.dbInstance.count({ where: current }),
  },
  snapshots: await db.runSnapshot.count({ where: { runId: run.id } }),
  finishedAuditEntries: await db.auditEvent.count({ where: { action: AUDIT.runFinished, targetId: run.id } }),
  jobs: jobs.length,
  jobsReclaimed: jobs.filter((job) => job.claims > 1).length,
  byWorker: [...byWorker.values()],
};
await runtime.close(0);
await disconnectDb();
process.stdout.write(`${JSON.stringify(output)}\n`);
process.exit(0);
