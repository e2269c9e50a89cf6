import { getDb } from "../../db";
import { logUnexpected } from "../../log";
import { markScopeFailed } from "../store/scope-state";
import type { ResourceType } from "../../resources/rows";
import { closeRunOnce } from "./close-run";
import type { Claim } from "./run-job-store";

// A job that failed on every attempt for a reason that is not AWS's (the connection was
// deleted, the database kept failing, a bug): its unread scopes fail and go stale, so the run
// can close and say so, instead of waiting for work nobody will do. A plan that cannot run
// fails the run.
export async function failJobForGood(claim: Claim, error: unknown): Promise<void> {
  const message = `Collection job failed after its retries: ${error instanceof Error ? error.message : String(error)}`;
  const reference = logUnexpected(error);
  if (claim.kind === "plan") {
    await getDb().runJob.updateMany({
      where: { id: claim.runJobId, status: { in: ["pending", "running"] } },
      data: { status: "failed", finishedAt: new Date(), lastError: message },
    });
    await closeRunOnce(claim.runId, { status: "failed", errorMessage: `${message} (log reference ${reference})` });
    return;
  }
  const run = await getDb().run.findUnique({ where: { id: claim.runId }, select: { connectionId: true } });
  // A deleted connection has no scope states left to mark.
  const connection =
    run && (await getDb().connection.findUnique({ where: { id: run.connectionId }, select: { id: true } }));
  const now = new Date();
  await getDb().$transaction(async (tx) => {
    const failed = await tx.runJob.updateMany({
      where: { id: claim.runJobId, status: { in: ["pending", "running"] } },
      data: { status: "failed", finishedAt: now, lastError: message },
    });
    if (failed.count === 0 || !run) return;
    const scopes = await tx.runScope.findMany({
      where: { runJobId: claim.runJobId, status: { in: ["pending", "running"] } },
      select: { accountId: true, region: true, resourceType: true },
    });
    for (const scope of connection ? scopes : [])
      await markScopeFailed(
        { connectionId: run.connectionId, ...scope, resourceType: scope.resourceType as ResourceType },
        claim.runId,
        "JobFailed",
        now,
        tx,
      );
    await tx.runScope.updateMany({
      where: { runJobId: claim.runJobId, status: { in: ["pending", "running"] } },
      data: { status: "failed", errorCode: "JobFailed", message, hint: `Log reference ${reference}.`, finishedAt: now },
    });
    await tx.run.update({ where: { id: claim.runId }, data: { scopesFailed: { increment: scopes.length } } });
  });
}
