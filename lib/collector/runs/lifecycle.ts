import { getDb } from "../../db";
import { COLLECTOR_VERSION } from "../../version";
import { acquireLease, currentLeaseRun, releaseLease } from "./lease";
import type { RunTrigger } from "./run-status";

// A running run whose heartbeat is older than this belongs to a process that died.
export const STALE_HEARTBEAT_MS = 60_000;

type RunStart = { connectionId: string; connectionName: string; trigger: RunTrigger; scheduledFor?: Date };

// Creates the run (queued until a worker takes its plan) and takes the connection's lease;
// without the lease the run is recorded as skipped (an overlapping trigger), never silently
// dropped. A scheduled run's due time is unique per connection: a second app instance firing
// for the same due time gets a unique-key error here and starts nothing.
export async function openRun(start: RunStart, jobOptions: string): Promise<{ runId: string; acquired: boolean }> {
  const now = new Date();
  const run = await getDb().run.create({
    data: { ...start, status: "queued", collectorVersion: COLLECTOR_VERSION, heartbeatAt: now, jobOptions },
    select: { id: true },
  });
  if (await acquireLease(start.connectionId, run.id)) return { runId: run.id, acquired: true };
  const holder = await currentLeaseRun(start.connectionId);
  await getDb().run.update({
    where: { id: run.id },
    data: {
      status: "skipped",
      skippedReason: `Another run of this connection is in progress${holder ? ` (run ${holder})` : ""}`,
      finishedAt: new Date(),
    },
  });
  return { runId: run.id, acquired: false };
}

export async function recordSkippedRun(start: RunStart, reason: string): Promise<string> {
  const now = new Date();
  const run = await getDb().run.create({
    data: {
      ...start,
      status: "skipped",
      skippedReason: reason,
      collectorVersion: COLLECTOR_VERSION,
      createdAt: now,
      finishedAt: now,
    },
    select: { id: true },
  });
  return run.id;
}

export async function requestCancel(runId: string): Promise<boolean> {
  const updated = await getDb().run.updateMany({
    where: { id: runId, status: { in: ["queued", "running"] } },
    data: { cancelRequested: true },
  });
  return updated.count === 1;
}

// At start-up (SECURITY.md 24): runs of an earlier Cirrus (before runs were jobs) left "running"
// by a process that died are marked aborted and their leases freed. Runs made of jobs are never
// abandoned: their jobs are handed on (lib/collector/jobs/reaper.ts).
export async function abortStaleRuns(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_HEARTBEAT_MS);
  const stale = await getDb().run.findMany({
    where: {
      status: { in: ["queued", "running"] },
      jobOptions: null,
      OR: [{ heartbeatAt: { lt: cutoff } }, { heartbeatAt: null }],
    },
    select: { id: true, connectionId: true },
  });
  for (const run of stale) {
    await getDb().run.update({
      where: { id: run.id },
      data: {
        status: "aborted",
        finishedAt: now,
        errorMessage:
          "The collector process stopped before this run finished; no data was changed by the unfinished scopes.",
      },
    });
    await getDb().runScope.updateMany({
      where: { runId: run.id, status: { in: ["pending", "running"] } },
      data: { status: "failed", errorCode: "Aborted" },
    });
    await releaseLease(run.connectionId, run.id);
  }
  return stale.length;
}
