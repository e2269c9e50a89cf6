import { AUDIT } from "../../audit/actions";
import { getDb } from "../../db";
import type { JobSender } from "../../jobs";
import { releaseLease } from "../runs/lease";
import { finalStatus, type RunStatus } from "../runs/run-status";
import { storeRunSnapshot } from "../snapshot/store-snapshot";
import { COLLECT_JOBS, jobPriority } from "./names";
import { openJobCount } from "./run-job-store";
import { announceClosed } from "./run-events";

// After a job ends: if none of the run's jobs is left, the run's close is queued. Several
// workers may see "none left" at once; the close itself happens once (closeRunOnce).
export async function closeIfDone(runId: string, sender: JobSender): Promise<void> {
  if ((await openJobCount(runId)) > 0) return;
  await sender.send(COLLECT_JOBS.close, { runId }, jobPriority(COLLECT_JOBS.close));
}

type Forced = { status: RunStatus; errorMessage: string };

// Snapshot, final status and the run.finished audit entry, exactly once per run: the status
// change and the audit entry commit together, conditional on the run not being closed yet.
// The snapshot is an upsert keyed by the run, so a close retried after a crash is harmless.
export async function closeRunOnce(runId: string, forced?: Forced): Promise<RunStatus | null> {
  const run = await getDb().run.findUnique({ where: { id: runId } });
  if (!run || run.closedAt || !["queued", "running"].includes(run.status)) return null;
  if (!forced && (await openJobCount(runId)) > 0) return null;
  if (!forced) await storeRunSnapshot(run.connectionId, runId);
  const skipped = await getDb().runScope.count({ where: { runId, status: "skipped" } });
  const status =
    forced?.status ??
    finalStatus(
      { succeeded: run.scopesDone, failed: run.scopesFailed },
      // Cancelled if the cancel stopped anything (a scope skipped, or the plan never ran).
      run.cancelRequested && (skipped > 0 || run.scopesPlanned === 0),
    );
  const now = new Date();
  const closed = await getDb().$transaction(async (tx) => {
    const claimed = await tx.run.updateMany({
      where: { id: runId, closedAt: null },
      data: { status, closedAt: now, finishedAt: now, heartbeatAt: now, errorMessage: forced?.errorMessage },
    });
    if (claimed.count === 0) return false;
    await tx.auditEvent.create({
      data: {
        action: AUDIT.runFinished,
        targetType: "run",
        targetId: runId,
        target: run.connectionName,
        details: JSON.stringify({
          trigger: run.trigger,
          status,
          scopesPlanned: run.scopesPlanned,
          scopesDone: run.scopesDone,
          scopesFailed: run.scopesFailed,
          items: run.items,
        }),
      },
    });
    return true;
  });
  if (!closed) return null;
  await releaseLease(run.connectionId, runId);
  announceClosed(runId, status);
  return status;
}
