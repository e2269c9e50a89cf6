import type { AwsSession } from "../aws";
import { toErrorInfo, type PlannedScope } from "./plan";
import { createLimiter } from "./limiter";
import { finishScopeRecord, scopeKey } from "./runs/scope-records";
import { fetchWholeScope } from "./scope-runner";
import { reconcileScope } from "./store/reconcile-scope";
import { markScopeFailed } from "./store/scope-state";
import { ImageCache } from "./fetch";

export type ExecutionCounters = { scopesDone: number; scopesFailed: number; items: number };

type Options = {
  session: AwsSession;
  connectionId: string;
  runId: string;
  scopes: PlannedScope[];
  scopeRecordIds: Map<string, string>;
  concurrency: number;
  perRegionConcurrency: number;
  scopeDeadlineMs: number;
  runSignal: AbortSignal;
  counters: ExecutionCounters;
  pageSize?: number;
};

const ACTIONS: Record<string, string> = {
  "ec2-instance": "ec2:DescribeInstances",
  "dedicated-host": "ec2:DescribeHosts",
  "reserved-instance": "ec2:DescribeReservedInstances",
  "rds-db-instance": "rds:DescribeDBInstances",
};

// Fetches scopes in parallel (bounded globally and per account + region) and commits each one
// as soon as it is complete. Database writes go one at a time: SQLite has a single writer, and
// each scope's reconcile is one transaction.
export async function executePlan(options: Options): Promise<void> {
  const global = createLimiter(options.concurrency);
  const perRegion = new Map<string, ReturnType<typeof createLimiter>>();
  const writes = createLimiter(1);
  const images = new ImageCache();
  const scopeRef = (scope: PlannedScope) => ({ connectionId: options.connectionId, ...scope });

  await Promise.all(
    options.scopes.map((scope) => {
      const regionKey = `${scope.accountId}|${scope.region}`;
      if (!perRegion.has(regionKey)) perRegion.set(regionKey, createLimiter(options.perRegionConcurrency));
      return global(() =>
        perRegion.get(regionKey)!(async () => {
          const recordId = options.scopeRecordIds.get(scopeKey(scope));
          const startedAt = new Date();
          if (options.runSignal.aborted) {
            await finishScopeRecord(recordId, { status: "skipped", startedAt, error: { status: "error", errorCode: "Cancelled", action: ACTIONS[scope.resourceType], message: "The run was cancelled or ran out of time before this scope started.", hint: "" } });
            return;
          }
          const signal = AbortSignal.any([options.runSignal, AbortSignal.timeout(options.scopeDeadlineMs)]);
          try {
            const fetched = await fetchWholeScope(options.session, scope, { signal, images, pageSize: options.pageSize });
            await writes(() => reconcileScope(scopeRef(scope), fetched.rows, options.runId));
            options.counters.scopesDone++;
            options.counters.items += fetched.rows.length;
            await finishScopeRecord(recordId, { status: "succeeded", items: fetched.rows.length, pages: fetched.pages, requests: fetched.requests, startedAt });
          } catch (error) {
            const info = signal.aborted && !options.runSignal.aborted
              ? { status: "error" as const, errorCode: "ScopeDeadlineExceeded", action: ACTIONS[scope.resourceType], message: `The scope did not finish within ${Math.round(options.scopeDeadlineMs / 1000)} s.`, hint: "AWS answered too slowly; the previous data is kept." }
              : toErrorInfo(error, options.session, ACTIONS[scope.resourceType]);
            options.counters.scopesFailed++;
            await writes(() => markScopeFailed(scopeRef(scope), options.runId, info.errorCode ?? info.status));
            await finishScopeRecord(recordId, { status: "failed", startedAt, error: info });
          }
        }),
      );
    }),
  );
}
