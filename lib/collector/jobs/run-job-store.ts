import { getDatabaseTarget, getDb } from "../../db";
import { log } from "../../log";

export type RunJobKind = "plan" | "region" | "config";

export type Claim = {
  runJobId: string;
  runId: string;
  kind: RunJobKind;
  accountId: string | null;
  region: string | null;
  resourceType: string | null;
  // The fencing token: this worker's claim number. Writes carry it (fenced-write.ts); once
  // another worker has claimed the job, they are refused.
  fence: number;
  workerId: string;
};

export type ClaimLimits = { perRun: number; perAccount: number };

// A writer holding a fence that is no longer current: its write is refused.
export class FencedOutError extends Error {
  override name = "FencedOutError";
  constructor(claim: Pick<Claim, "runJobId" | "fence" | "workerId">) {
    super(`Write refused: job ${claim.runJobId} was taken over (this worker held fence ${claim.fence}).`);
  }
}

// Takes a pending job for this worker, within the limits: jobs of one run at once (the
// connection's concurrency) and of one AWS account at once across every run and worker (AWS
// throttles per account and region). Admission is serialised (an advisory lock on PostgreSQL,
// the single writer on SQLite) so concurrent workers cannot both take the last slot.
// "busy": try later; "gone": done, cancelled or held by another worker.
export async function claimRunJob(
  runJobId: string,
  workerId: string,
  limits?: ClaimLimits,
): Promise<Claim | "busy" | "gone"> {
  const postgres = getDatabaseTarget().provider === "postgresql";
  return getDb().$transaction(
    async (tx) => {
      if (postgres) await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('cirrus-run-job-claims'))::text");
      const job = await tx.runJob.findUnique({ where: { id: runJobId } });
      if (!job || job.status !== "pending") return "gone";
      if (limits && job.kind !== "plan") {
        const running = { status: "running", kind: { not: "plan" } };
        const ofRun = await tx.runJob.count({ where: { ...running, runId: job.runId } });
        if (ofRun >= limits.perRun) return "busy";
        if (job.accountId) {
          const ofAccount = await tx.runJob.count({ where: { ...running, accountId: job.accountId } });
          if (ofAccount >= limits.perAccount) return "busy";
        }
      }
      const now = new Date();
      const fence = job.fence + 1;
      await tx.runJob.update({
        where: { id: runJobId },
        data: { status: "running", fence, workerId, claims: { increment: 1 }, startedAt: now, heartbeatAt: now },
      });
      return {
        runJobId,
        runId: job.runId,
        kind: job.kind as RunJobKind,
        accountId: job.accountId,
        region: job.region,
        resourceType: job.resourceType,
        fence,
        workerId,
      };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

// The job's outcome, only while the claim is still current.
export async function finishRunJob(
  claim: Claim,
  status: "done" | "failed" | "cancelled",
  outcome: { items?: number; error?: string } = {},
): Promise<boolean> {
  const updated = await getDb().runJob.updateMany({
    where: { id: claim.runJobId, fence: claim.fence, status: "running" },
    data: { status, finishedAt: new Date(), items: outcome.items ?? 0, lastError: outcome.error ?? null },
  });
  if (updated.count === 0) logRefused(claim, `finish (${status})`);
  return updated.count === 1;
}

// Gives the job back to the queue (draining, or an error worth retrying elsewhere): pending
// again, for whoever claims it next with a new fence.
export async function handBackRunJob(claim: Claim, reason: string): Promise<boolean> {
  const updated = await getDb().runJob.updateMany({
    where: { id: claim.runJobId, fence: claim.fence, status: "running" },
    data: { status: "pending", workerId: null, lastError: reason, heartbeatAt: new Date() },
  });
  return updated.count === 1;
}

export async function isClaimCurrent(claim: Claim): Promise<boolean> {
  const job = await getDb().runJob.findUnique({ where: { id: claim.runJobId }, select: { fence: true, status: true } });
  return job?.fence === claim.fence && job.status === "running";
}

export function logRefused(claim: Pick<Claim, "runJobId" | "runId" | "fence" | "workerId">, what: string): void {
  log("warn", "collector.fenced_out", {
    runJobId: claim.runJobId,
    runId: claim.runId,
    fence: claim.fence,
    workerId: claim.workerId,
    refused: what,
  });
}

// Jobs of a run still to do or being done: the run closes when there are none.
export async function openJobCount(runId: string): Promise<number> {
  return getDb().runJob.count({ where: { runId, status: { in: ["pending", "running"] } } });
}
