import type { AwsErrorInfo, AwsSession } from "../aws";
import type { Limiter } from "./limiter";
import type { PlannedScope } from "./plan";
import { retryNote } from "./runs/retry-note";
import { finishScopeRecord, scopeKey } from "./runs/scope-records";
import type { ScopeTally } from "./scope-runner";
import { reconcileScope } from "./store/reconcile-scope";
import { markScopeFailed } from "./store/scope-state";
import type { Fence } from "./store/scope-commit-sql";
import { fencedTransaction, type Tx } from "./jobs/fenced-write";
import { RESOURCES } from "../resources/registry";
import type { ResourceType, RowOf } from "../resources/rows";

export type ExecutionCounters = { scopesDone: number; scopesFailed: number; items: number };

// What every scope of one job shares: where results go, the job's fence, and the single
// database writer.
export type ExecutionContext = {
  session: AwsSession;
  connectionId: string;
  runId: string;
  scopeRecordIds: Map<string, string>;
  // This job's own tallies; the run's counters are kept in the database with each outcome.
  counters: ExecutionCounters;
  // One write at a time: SQLite has a single writer, and each reconcile is one transaction.
  writes: Limiter;
  runSignal: AbortSignal;
  fence: Fence;
  // True once this worker gives the job back (draining): the scopes it has not finished are
  // left pending for the next owner, neither skipped nor failed.
  handingBack: () => boolean;
};

export async function commitScope<T extends ResourceType>(
  ctx: ExecutionContext,
  scope: PlannedScope & { resourceType: T },
  rows: RowOf<T>[],
  stats: { pages: number; requests: number; startedAt: Date },
) {
  const id = ctx.scopeRecordIds.get(scopeKey(scope));
  await ctx.writes(() =>
    reconcileScope({ connectionId: ctx.connectionId, ...scope }, rows, ctx.runId, new Date(), {
      fence: ctx.fence,
      record: id ? { id, items: rows.length, ...stats } : undefined,
    }),
  );
  ctx.counters.scopesDone++;
  ctx.counters.items += rows.length;
}

// `cost`: the requests the failed reads made (a failed scope still asked AWS, often many times).
export async function failScope(
  ctx: ExecutionContext,
  scope: PlannedScope,
  error: AwsErrorInfo,
  startedAt: Date,
  cost?: ScopeTally,
) {
  const hint = cost ? [retryNote(cost), error.hint].filter(Boolean).join(" ") : error.hint;
  await ctx.writes(() =>
    fencedTransaction(ctx.fence, async (tx) => {
      await markScopeFailed(
        { connectionId: ctx.connectionId, ...scope },
        ctx.runId,
        error.errorCode || error.status,
        new Date(),
        tx,
      );
      await finishScopeRecord(
        ctx.scopeRecordIds.get(scopeKey(scope)),
        { status: "failed", startedAt, requests: cost?.requests, error: { ...error, hint } },
        tx,
      );
      await countFailed(tx, ctx.runId);
    }),
  );
  ctx.counters.scopesFailed++;
}

// Not read (cancelled, or the run's deadline passed): counted as not completed, but the scope is
// not marked stale for it, since AWS did not fail. A job being handed back skips nothing.
export async function skipScope(ctx: ExecutionContext, scope: PlannedScope, startedAt: Date) {
  if (ctx.handingBack()) return;
  await ctx.writes(() =>
    fencedTransaction(ctx.fence, async (tx) => {
      await finishScopeRecord(
        ctx.scopeRecordIds.get(scopeKey(scope)),
        {
          status: "skipped",
          startedAt,
          error: {
            status: "error",
            errorCode: "Cancelled",
            action: RESOURCES[scope.resourceType].aws.read,
            message: "The run was cancelled or ran out of time before this scope started.",
            hint: "",
          },
        },
        tx,
      );
      await countFailed(tx, ctx.runId);
    }),
  );
  ctx.counters.scopesFailed++;
}

const countFailed = (tx: Tx, runId: string) =>
  tx.run.update({ where: { id: runId }, data: { scopesFailed: { increment: 1 } } });
