import type { Claim } from "../jobs/run-job-store";

// The job a reconcile belongs to and its fencing token (lib/collector/jobs/run-job-store.ts).
export type Fence = Pick<Claim, "runJobId" | "fence" | "workerId" | "runId">;

// What commits with a scope's rows, in the same transaction: the fence check first (a worker
// that lost its job writes nothing), then the scope's record on the run page and the run's
// counters, so a worker dying between the rows and the counters cannot count a scope twice
// or leave it uncounted.
export type ScopeCommit = {
  fence?: Fence;
  record?: { id: string; items: number; pages: number; requests: number; startedAt: Date };
};

type Statement = { sql: string; values: unknown[]; mustChangeOne?: boolean };

export function scopeCommitStatements(dialect: "sqlite" | "postgresql", commit: ScopeCommit, now: Date): Statement[] {
  const statements: Statement[] = [];
  if (commit.fence)
    statements.push({
      sql: `UPDATE "RunJob" SET "heartbeatAt" = ? WHERE "id" = ? AND "fence" = ? AND "status" = 'running'`,
      values: [now, commit.fence.runJobId, commit.fence.fence],
      mustChangeOne: true,
    });
  const record = commit.record;
  if (record) {
    statements.push({
      sql: `UPDATE "RunScope" SET "status" = 'succeeded', "items" = ?, "pages" = ?, "requests" = ?, "startedAt" = ?, "finishedAt" = ?, "durationMs" = ?, "errorCode" = NULL, "message" = NULL, "hint" = NULL WHERE "id" = ?`,
      values: [
        record.items,
        record.pages,
        record.requests,
        record.startedAt,
        now,
        now.getTime() - record.startedAt.getTime(),
        record.id,
      ],
    });
    if (commit.fence)
      statements.push({
        sql: `UPDATE "Run" SET "scopesDone" = "scopesDone" + 1, "items" = "items" + ? WHERE "id" = ?`,
        values: [record.items, commit.fence.runId],
      });
  }
  if (dialect === "sqlite") return statements;
  return statements.map((statement) => {
    let n = 0;
    return { ...statement, sql: statement.sql.replace(/\?/g, () => `$${++n}`) };
  });
}
