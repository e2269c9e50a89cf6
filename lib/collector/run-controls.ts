import { AUDIT } from "../audit/actions";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { isWorkerAlive } from "../jobs";
import { closeRunOnce } from "./jobs/close-run";
import { abortRunJobs } from "./jobs/in-flight";
import { cancelJob } from "./jobs/reaper";
import { requestCancel } from "./runs/lifecycle";
import { startRunInBackground } from "./start-run";

// "Run now" and "Cancel" as admins use them: each is audited (SECURITY.md 16).
export async function startManualRun(
  request: { connectionId: string; mfaCode?: string },
  actor: AuditActor,
  ip: string | null,
): Promise<string> {
  const connection = await getDb().connection.findUnique({
    where: { id: request.connectionId },
    select: { name: true },
  });
  if (!connection) throw new NotFoundError("Connection not found");
  const runId = await startRunInBackground({ ...request, trigger: "manual" });
  await recordAuditEvent({
    action: AUDIT.runStarted,
    actor,
    ip,
    targetType: "run",
    targetId: runId,
    target: connection.name,
    details: { trigger: "manual" },
  });
  return runId;
}

export async function cancelRun(runId: string, actor: AuditActor, ip: string | null): Promise<void> {
  if (!(await requestCancel(runId))) throw new ConflictError("This run has already finished");
  await stopCancelledRun(runId);
  const run = await getDb().run.findUnique({ where: { id: runId }, select: { connectionName: true } });
  await recordAuditEvent({
    action: AUDIT.runCancelled,
    actor,
    ip,
    targetType: "run",
    targetId: runId,
    target: run?.connectionName,
  });
}

// Before a connection is deleted: its open runs are cancelled, and given a little time to end
// (jobs in other workers stop at their next heartbeat), so no job of theirs goes on reading AWS
// or writing for a connection that no longer exists.
export async function cancelRunsOfConnection(connectionId: string, waitMs = 15_000): Promise<number> {
  const open = await getDb().run.findMany({
    where: { connectionId, status: { in: ["queued", "running"] }, closedAt: null },
    select: { id: true },
  });
  for (const run of open) if (await requestCancel(run.id)) await stopCancelledRun(run.id);
  const ids = open.map((run) => run.id);
  for (const until = Date.now() + waitMs; ids.length && Date.now() < until;) {
    if ((await getDb().run.count({ where: { id: { in: ids }, closedAt: null } })) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return open.length;
}

// Jobs running in this process stop at once, those in other live workers at their next
// heartbeat. Jobs nobody is running (queued, or held by a worker that died) are cancelled here,
// so a run whose worker is gone ends now instead of waiting for a takeover.
async function stopCancelledRun(runId: string): Promise<void> {
  abortRunJobs(runId, "cancelled");
  const jobs = await getDb().runJob.findMany({
    where: { runId, status: { in: ["pending", "running"] } },
    select: { id: true, fence: true, status: true, workerId: true },
  });
  const owners = await getDb().worker.findMany({
    where: { id: { in: jobs.map((job) => job.workerId).filter((id): id is string => !!id) } },
  });
  const live = new Set(owners.filter((worker) => isWorkerAlive(worker)).map((worker) => worker.id));
  for (const job of jobs)
    if (job.status === "pending" || !job.workerId || !live.has(job.workerId)) await cancelJob(job.id, job.fence, runId);
  await closeRunOnce(runId);
}
