import { getDb, type Db } from "../../db";
import type { ResourceType } from "../../resources/rows";

export type ScopeRef = { connectionId: string; accountId: string; region: string; resourceType: ResourceType };

const key = (scope: ScopeRef) => ({
  connectionId_accountId_region_resourceType: {
    connectionId: scope.connectionId,
    accountId: scope.accountId,
    region: scope.region,
    resourceType: scope.resourceType,
  },
});

// A failed scope changes no inventory row; it is only marked stale, keeping lastSuccessAt.
export async function markScopeFailed(
  scope: ScopeRef,
  runId: string,
  errorCode: string | null,
  now = new Date(),
  db: Pick<Db, "scopeState"> = getDb(),
): Promise<void> {
  const data = { lastAttemptAt: now, lastStatus: "failed", lastErrorCode: errorCode, lastRunId: runId, stale: true };
  await db.scopeState.upsert({ where: key(scope), create: { ...scope, ...data }, update: data });
}

// Scopes this connection collected before in an account: used when the account cannot be
// reached at all, to mark each of its known scopes stale.
export async function knownScopes(connectionId: string, accountId: string): Promise<ScopeRef[]> {
  const rows = await getDb().scopeState.findMany({
    where: { connectionId, accountId },
    select: { region: true, resourceType: true },
  });
  return rows.map((row) => ({
    connectionId,
    accountId,
    region: row.region,
    resourceType: row.resourceType as ResourceType,
  }));
}
