import { getDb, type Db } from "../../db";
import type { AwsErrorInfo } from "../../aws";
import type { PlannedScope } from "../plan";
import type { ScopeStatus } from "./run-status";

// The per-scope results shown on the run page. Created as "pending" when planned, each with the
// job that will read it.
export async function createScopeRecords(
  runId: string,
  scopes: (PlannedScope & { status?: ScopeStatus; error?: AwsErrorInfo; runJobId?: string })[],
  db: Pick<Db, "runScope"> = getDb(),
): Promise<void> {
  for (let i = 0; i < scopes.length; i += 500) {
    const part = scopes.slice(i, i + 500);
    await db.runScope.createMany({
      data: part.map((scope) => ({
        runId,
        runJobId: scope.runJobId,
        accountId: scope.accountId,
        region: scope.region,
        resourceType: scope.resourceType,
        status: scope.status ?? "pending",
        errorCode: scope.error?.errorCode,
        message: scope.error?.message,
        hint: scope.error?.hint,
      })),
    });
  }
}

// A job's scopes still to read (a job handed back keeps the scopes it already committed).
export async function openScopeRecords(
  runJobId: string,
): Promise<{ ids: Map<string, string>; scopes: PlannedScope[] }> {
  const rows = await getDb().runScope.findMany({
    where: { runJobId, status: { in: ["pending", "running"] } },
    select: { id: true, accountId: true, region: true, resourceType: true },
    orderBy: { resourceType: "asc" },
  });
  const scopes = rows.map(({ accountId, region, resourceType }) => ({
    accountId,
    region,
    resourceType: resourceType as PlannedScope["resourceType"],
  }));
  return { ids: new Map(rows.map((row) => [scopeKey(row), row.id])), scopes };
}

export const scopeKey = (scope: { accountId: string; region: string; resourceType: string }) =>
  `${scope.accountId}|${scope.region}|${scope.resourceType}`;

export async function finishScopeRecord(
  id: string | undefined,
  outcome: {
    status: ScopeStatus;
    items?: number;
    pages?: number;
    requests?: number;
    startedAt: Date;
    error?: AwsErrorInfo;
  },
  db: Pick<Db, "runScope"> = getDb(),
): Promise<void> {
  if (!id) return;
  const finishedAt = new Date();
  await db.runScope.update({
    where: { id },
    data: {
      status: outcome.status,
      items: outcome.items ?? 0,
      pages: outcome.pages ?? 0,
      requests: outcome.requests ?? 0,
      startedAt: outcome.startedAt,
      finishedAt,
      durationMs: finishedAt.getTime() - outcome.startedAt.getTime(),
      errorCode: outcome.error?.errorCode ?? null,
      message: outcome.error?.message ?? null,
      hint: outcome.error?.hint ?? null,
    },
  });
}
