import { loadConnectionRecord, storeMfaSession } from "../../connections/load-settings";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import type { JobQueue } from "../../jobs";
import { resolveMfa } from "../mfa-gate";
import { openRun, recordSkippedRun } from "../runs/lifecycle";
import type { RunTrigger } from "../runs/run-status";
import { jobHolder } from "./holder";
import { COLLECT_JOBS, jobPriority, type RunOptions } from "./names";

export type CollectRequest = { connectionId: string; trigger: RunTrigger; mfaCode?: string };
export type RunSettings = { runDeadlineMs?: number; scopeDeadlineMs?: number; pageSize?: number };
export type OpenedRun = { runId: string; queued: boolean };

// Starts a run: the MFA gate (a typed code buys a session, stored for the run's jobs), the
// connection's lease (one run per connection; an overlapping trigger is recorded as skipped),
// then the run's first job (its plan) is queued. Errors before the run exists (a rejected MFA
// code) are the caller's; everything after is recorded in the run.
export async function queueRun(
  request: CollectRequest,
  queue: Pick<JobQueue, "send" | "driver">,
  workerId: string,
  settings: RunSettings = {},
  scheduledFor?: Date,
): Promise<OpenedRun> {
  const { name, settings: connection, mfaSessionSeconds } = await loadConnectionRecord(request.connectionId);
  const start = { connectionId: request.connectionId, connectionName: name, trigger: request.trigger, scheduledFor };
  const mfa = await resolveMfa(connection, request.mfaCode, mfaSessionSeconds);
  if (mfa.skipReason) return { runId: await recordSkippedRun(start, mfa.skipReason), queued: false };
  if (mfa.newSession) await storeMfaSession(request.connectionId, mfa.newSession);

  const env = getEnv();
  const options: RunOptions = {
    scopeDeadlineMs: settings.scopeDeadlineMs ?? env.SCOPE_DEADLINE_SECONDS * 1000,
    runDeadlineAt: new Date(Date.now() + (settings.runDeadlineMs ?? env.RUN_DEADLINE_MINUTES * 60_000)).toISOString(),
    ...(settings.pageSize ? { pageSize: settings.pageSize } : {}),
  };
  const { runId, acquired } = await openRun(start, JSON.stringify(options));
  if (!acquired) return { runId, queued: false };
  const plan = await getDb().runJob.create({
    data: { runId, kind: "plan", workerId: jobHolder(queue.driver, workerId) },
    select: { id: true },
  });
  await queue.send(COLLECT_JOBS.plan, { runId, runJobId: plan.id, options }, jobPriority(COLLECT_JOBS.plan));
  return { runId, queued: true };
}
