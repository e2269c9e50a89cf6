import { getDb } from "../../db";
import { COLLECTOR_VERSION } from "../../version";
import { acquireLease, currentLeaseRun, extendLease, releaseLease } from "./lease";
import type { RunStatus, RunTrigger } from "./run-status";

export const HEARTBEAT_MS = 10_000;
// A running run whose heartbeat is older than this belongs to a process that died.
export const STALE_HEARTBEAT_MS = 60_000;

type RunStart = { connectionId: string; connectionName: string; trigger: RunTrigger };

// Creates the run and takes the connection's lease; without the lease the run is recorded as
// skipped (an overlapping trigger), never silently dropped.
export async function openRun(start: RunStart): Promise<{ runId: string; acquired: boolean }> {
  const now = new Date();
  const run = await getDb().run.create({
    data: { ...start, status: "queued", collectorVersion: COLLECTOR_VERSION, heartbeatAt: now },
    select: { id: true },
  });
  if (await acquireLease(start.connectionId, run.id)) {
    await getDb().run.update({
      where: { id: run.id },
      data: { status: "running", startedAt: new Date(), heartbeatAt: new Date() },
    });
    return { runId: run.id, acquired: true };
  }
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

// Refreshes the heartbeat and the lease; answers whether someone asked to cancel.
export async function heartbeat(runId: string, connectionId: string, progress: Partial<RunCounters>): Promise<boolean> {
  const run = await getDb().run.update({
    where: { id: runId },
    data: { heartbeatAt: new Date(), ...progress },
    select: { cancelRequested: true },
  });
  await extendLease(connectionId, runId);
  return run.cancelRequested;
}

export type RunCounters = {
  scopesPlanned: number;
  scopesDone: number;
  scopesFailed: number;
  items: number;
  requests: number;
  throttles: number;
};

export async function closeRun(
  runId: string,
  connectionId: string,
  status: RunStatus,
  counters: RunCounters,
  extra: { errorMessage?: string; notes?: string[] } = {},
) {
  await getDb().run.update({
    where: { id: runId },
    data: {
      status,
      ...counters,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
      errorMessage: extra.errorMessage,
      notes: extra.notes?.length ? JSON.stringify(extra.notes) : undefined,
    },
  });
  await releaseLease(connectionId, runId);
}

export async function requestCancel(runId: string): Promise<boolean> {
  const updated = await getDb().run.updateMany({
    where: { id: runId, status: { in: ["queued", "running"] } },
    data: { cancelRequested: true },
  });
  return updated.count === 1;
}

// At start-up (SECURITY.md 24): runs left "running" by a process that died are marked aborted
// and their leases freed. Their scopes never committed, so the inventory is untouched.
export async function abortStaleRuns(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_HEARTBEAT_MS);
  const stale = await getDb().run.findMany({
    where: { status: { in: ["queued", "running"] }, OR: [{ heartbeatAt: { lt: cutoff } }, { heartbeatAt: null }] },
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
