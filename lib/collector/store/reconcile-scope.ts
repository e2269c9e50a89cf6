import { getDatabaseTarget } from "../../db";
import { FencedOutError, logRefused } from "../jobs/run-job-store";
import { resource } from "../../resources/registry";
import type { ResourceType, RowOf } from "../../resources/rows";
import { reconcileOnPostgres } from "./postgres-writer";
import type { ScopeRef } from "./scope-state";
import type { ScopeCommit } from "./scope-commit-sql";
import { reconcileOnSqlite } from "./sqlite-writer";

export type ReconcileResult = { created: number; changed: number; removed: number; unchanged: number };

// Time spent in reconcile transactions by this process, for `npm run bench:collect`.
export const reconcileTotals = { transactions: 0, ms: 0 };

// Called only for a scope that was listed completely (SECURITY.md 18). In one transaction: new
// resources get firstSeenAt, present ones lastSeenAt (changed licence fields become change
// events), absent ones get removedAt and stay; the scope's state is marked succeeded. Unchanged
// rows are only touched, so a re-run over an unchanged world writes no history. `commit`: what commits with
// the rows (scope-commit-sql.ts): with a fence, nothing is written unless the job is still ours.
export async function reconcileScope<T extends ResourceType>(
  scope: ScopeRef & { resourceType: T },
  rows: RowOf<T>[],
  runId: string,
  now = new Date(),
  commit: ScopeCommit = {},
): Promise<ReconcileResult> {
  const store = resource(scope.resourceType).store;
  const write = getDatabaseTarget().provider === "sqlite" ? reconcileOnSqlite : reconcileOnPostgres;
  const started = performance.now();
  const plan = await write(store, scope, rows, runId, now, commit)
    .catch((error: unknown) => {
      // Said where it happens: a worker that lost its job may write nothing after this either.
      if (error instanceof FencedOutError && commit.fence)
        logRefused(commit.fence, `scope rows (${scope.resourceType})`);
      throw error;
    })
    .finally(() => {
      reconcileTotals.transactions++;
      reconcileTotals.ms += performance.now() - started;
    });
  return {
    created: plan.creates.length,
    changed: plan.updates.length,
    removed: plan.removedIds.length,
    unchanged: plan.touchedIds.length,
  };
}
