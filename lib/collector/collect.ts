import { setMaxListeners } from "node:events";
import { AwsCallError, createAwsSession } from "../aws";
import { loadConnectionRecord, storeMfaSession } from "../connections/load-settings";
import { executePlan } from "./execute-plan";
import { directTypesNote, executeConfigTypes } from "./execute-config";
import { CONFIG_TYPES } from "./fetch";
import type { ExecutionContext, ExecutionCounters } from "./execution-context";
import { collectAccountAliases } from "./account-items";
import { createLimiter } from "./limiter";
import { planCollection, plannedScopes } from "./plan";
import { countRequests, type RequestStats } from "./request-stats";
import { closeRun, heartbeat, HEARTBEAT_MS, openRun, recordSkippedRun } from "./runs/lifecycle";
import { finalStatus, type RunStatus, type RunTrigger } from "./runs/run-status";
import { notEnabledNotes } from "./runs/run-notes";
import { createScopeRecords } from "./runs/scope-records";
import { resolveMfa } from "./mfa-gate";
import { registerActiveRun } from "./runs/active-runs";
import { storeRunSnapshot } from "./snapshot/store-snapshot";
import { markAccountUnreachable } from "./account-failure";
import { retireCoverageExits } from "./scope-exits";

export type CollectRequest = { connectionId: string; trigger: RunTrigger; mfaCode?: string };
export type CollectOptions = {
  runDeadlineMs?: number;
  scopeDeadlineMs?: number;
  pageSize?: number;
  onProgress?: (line: string) => void;
  // Called as soon as the run row exists (or the skipped run was recorded).
  onRunOpened?: (runId: string) => void;
};
export type CollectResult = { runId: string; status: RunStatus };

// One collection of one connection, start to finish: MFA gate, lease, plan, scopes, snapshot.
// Never throws for AWS trouble: it ends as a run status with per-scope results.
export async function collectConnection(request: CollectRequest, options: CollectOptions = {}): Promise<CollectResult> {
  const { name, settings, mfaSessionSeconds } = await loadConnectionRecord(request.connectionId);
  const start = { connectionId: request.connectionId, connectionName: name, trigger: request.trigger };
  const mfa = await resolveMfa(settings, request.mfaCode, mfaSessionSeconds);
  if (mfa.skipReason) {
    const skipped = await recordSkippedRun(start, mfa.skipReason);
    options.onRunOpened?.(skipped);
    return { runId: skipped, status: "skipped" };
  }
  if (mfa.newSession) await storeMfaSession(request.connectionId, mfa.newSession);

  const { runId, acquired } = await openRun(start);
  options.onRunOpened?.(runId);
  if (!acquired) return { runId, status: "skipped" };
  const log = options.onProgress ?? (() => {});
  const stats: RequestStats = { requests: 0, throttles: 0 };
  const counters: ExecutionCounters & { scopesPlanned: number } = {
    scopesPlanned: 0,
    scopesDone: 0,
    scopesFailed: 0,
    items: 0,
  };
  const controller = new AbortController();
  // Every scope in flight (up to the connection's concurrency) listens for the run's abort.
  setMaxListeners(1000, controller.signal);
  const unregister = registerActiveRun(runId, controller);
  const deadline = setTimeout(() => controller.abort(new Error("run deadline")), options.runDeadlineMs ?? 25 * 60_000);
  let cancelled = false;
  // The heartbeat keeps the lease and shows progress; it also carries cancel requests made
  // from another process (this process's own are delivered through registerActiveRun).
  const beat = setInterval(() => {
    heartbeat(runId, request.connectionId, { ...counters, ...stats })
      .then((cancel) => {
        if (cancel) controller.abort(new Error("cancelled"));
      })
      .catch(() => {});
  }, HEARTBEAT_MS);
  const session = createAwsSession(
    { ...settings, mfaSession: mfa.session ?? settings.mfaSession },
    { maxAttempts: 6, retryMode: "adaptive", onClientCreated: (client) => countRequests(client, stats) },
  );
  const notes: string[] = [];
  try {
    const plan = await planCollection(session, settings, controller.signal, createLimiter(settings.concurrency));
    notes.push(...plan.warnings);
    const scopes = await plannedScopes(request.connectionId, plan);
    const exits = await retireCoverageExits(request.connectionId, plan, scopes);
    if (exits.exits.length) notes.push(exitNote(exits));
    counters.scopesPlanned = scopes.length;
    const recordIds = await createScopeRecords(runId, scopes);
    for (const account of plan.accounts.filter((candidate) => candidate.error)) {
      counters.scopesFailed += await markAccountUnreachable(
        request.connectionId,
        runId,
        account.target.accountId,
        account.error!,
      );
    }
    notes.push(
      ...notEnabledNotes(
        plan.accounts.map((account) => ({ accountId: account.target.accountId, notEnabled: account.notEnabled })),
      ),
    );
    log(`planned ${scopes.length} scopes in ${plan.accounts.length} accounts`);
    const context: ExecutionContext = {
      session,
      connectionId: request.connectionId,
      runId,
      scopeRecordIds: recordIds,
      counters,
      writes: createLimiter(1),
      runSignal: controller.signal,
    };
    const scopeDeadlineMs = options.scopeDeadlineMs ?? 5 * 60_000;
    const adapter = settings.adapter;
    const viaConfig = (scope: (typeof scopes)[number]) =>
      adapter.kind === "config-aggregator" && CONFIG_TYPES.includes(scope.resourceType);
    const directNote = adapter.kind === "config-aggregator" ? directTypesNote() : null;
    if (directNote) notes.push(directNote);
    await Promise.all([
      executePlan(
        context,
        scopes.filter((scope) => !viaConfig(scope)),
        { concurrency: settings.concurrency, perRegionConcurrency: 4, scopeDeadlineMs, pageSize: options.pageSize },
      ),
      adapter.kind === "config-aggregator"
        ? executeConfigTypes(
            context,
            scopes.filter(viaConfig),
            { name: adapter.aggregatorName, region: adapter.aggregatorRegion },
            scopeDeadlineMs,
          )
        : Promise.resolve(),
    ]);
    await collectAccountAliases(
      session,
      request.connectionId,
      plan.accounts.filter((account) => !account.error).map((account) => account.target),
    );
    await storeRunSnapshot(request.connectionId, runId);
    cancelled ||= isCancel(controller.signal);
    const status = finalStatus({ succeeded: counters.scopesDone, failed: counters.scopesFailed }, cancelled);
    await closeRun(runId, request.connectionId, status, { ...counters, ...stats }, { notes });
    return { runId, status };
  } catch (error) {
    cancelled ||= isCancel(controller.signal);
    const message =
      error instanceof AwsCallError
        ? `${error.info.errorCode}: ${error.info.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    await closeRun(
      runId,
      request.connectionId,
      cancelled ? "cancelled" : "failed",
      { ...counters, ...stats },
      { errorMessage: message, notes },
    );
    return { runId, status: cancelled ? "cancelled" : "failed" };
  } finally {
    unregister();
    clearTimeout(deadline);
    clearInterval(beat);
    session.destroy();
  }
}

function exitNote({ exits, resourcesRetired }: Awaited<ReturnType<typeof retireCoverageExits>>): string {
  const accounts = [...new Set(exits.map((exit) => exit.accountId))].sort();
  return `No longer covered by this connection: ${exits.length} scope${exits.length === 1 ? "" : "s"} in account${accounts.length === 1 ? "" : "s"} ${accounts.join(", ")}; ${resourcesRetired} resource${resourcesRetired === 1 ? "" : "s"} no other connection sees left the live inventory as out of scope.`;
}

const isCancel = (signal: AbortSignal) =>
  signal.aborted && (signal.reason as Error | undefined)?.message === "cancelled";
