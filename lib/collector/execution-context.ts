import type { AwsErrorInfo, AwsSession } from "../aws";
import type { Limiter } from "./limiter";
import type { PlannedScope } from "./plan";
import { retryNote } from "./runs/retry-note";
import { finishScopeRecord, scopeKey } from "./runs/scope-records";
import type { ScopeTally } from "./scope-runner";
import { reconcileScope } from "./store/reconcile-scope";
import { markScopeFailed } from "./store/scope-state";
import { RESOURCES } from "../resources/registry";
import type { ResourceType, RowOf } from "../resources/rows";

export type ExecutionCounters = { scopesDone: number; scopesFailed: number; items: number };

// What every scope of one run shares: where results go, and the single database writer.
export type ExecutionContext = {
  session: AwsSession;
  connectionId: string;
  runId: string;
  scopeRecordIds: Map<string, string>;
  counters: ExecutionCounters;
  // One write at a time: SQLite has a single writer, and each reconcile is one transaction.
  writes: Limiter;
  runSignal: AbortSignal;
};

export async function commitScope<T extends ResourceType>(
  ctx: ExecutionContext,
  scope: PlannedScope & { resourceType: T },
  rows: RowOf<T>[],
  stats: { pages: number; requests: number; startedAt: Date },
) {
  await ctx.writes(() => reconcileScope({ connectionId: ctx.connectionId, ...scope }, rows, ctx.runId));
  ctx.counters.scopesDone++;
  ctx.counters.items += rows.length;
  await finishScopeRecord(ctx.scopeRecordIds.get(scopeKey(scope)), {
    status: "succeeded",
    items: rows.length,
    ...stats,
  });
}

// `cost`: the requests the failed reads made (a failed scope still asked AWS, often many times).
export async function failScope(
  ctx: ExecutionContext,
  scope: PlannedScope,
  error: AwsErrorInfo,
  startedAt: Date,
  cost?: ScopeTally,
) {
  ctx.counters.scopesFailed++;
  await ctx.writes(() =>
    markScopeFailed({ connectionId: ctx.connectionId, ...scope }, ctx.runId, error.errorCode || error.status),
  );
  const hint = cost ? [retryNote(cost), error.hint].filter(Boolean).join(" ") : error.hint;
  await finishScopeRecord(ctx.scopeRecordIds.get(scopeKey(scope)), {
    status: "failed",
    startedAt,
    requests: cost?.requests,
    error: { ...error, hint },
  });
}

// Not read (cancelled, or the run's deadline passed): counted as not completed, but the scope is
// not marked stale for it, since AWS did not fail.
export async function skipScope(ctx: ExecutionContext, scope: PlannedScope, startedAt: Date) {
  ctx.counters.scopesFailed++;
  await finishScopeRecord(ctx.scopeRecordIds.get(scopeKey(scope)), {
    status: "skipped",
    startedAt,
    error: {
      status: "error",
      errorCode: "Cancelled",
      action: RESOURCES[scope.resourceType].aws.read,
      message: "The run was cancelled or ran out of time before this scope started.",
      hint: "",
    },
  });
}
