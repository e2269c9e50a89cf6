import { getDb } from "../../db";
import type { AwsErrorInfo } from "../../aws";
import type { PlannedScope } from "../plan";
import type { ScopeStatus } from "./run-status";

// The per-scope results shown on the run page. Created as "pending" when planned.
export async function createScopeRecords(
  runId: string,
  scopes: (PlannedScope & { status?: ScopeStatus; error?: AwsErrorInfo })[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < scopes.length; i += 500) {
    const part = scopes.slice(i, i + 500);
    await getDb().runScope.createMany({
      data: part.map((scope) => ({
        runId,
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
  const rows = await getDb().runScope.findMany({
    where: { runId },
    select: { id: true, accountId: true, region: true, resourceType: true },
  });
  for (const row of rows) ids.set(scopeKey(row), row.id);
  return ids;
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
): Promise<void> {
  if (!id) return;
  const finishedAt = new Date();
  await getDb().runScope.update({
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
