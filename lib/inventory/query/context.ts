import "server-only";
import { getDb } from "../../db";
import type { ResourceType } from "../../collector/rows";
import type { StaleInfo } from "./types";

export type RowContext = {
  alias(connectionId: string, accountId: string): string | null;
  connectionName(connectionId: string): string | null;
  stale(connectionId: string, accountId: string, region: string): StaleInfo | null;
};

// Account aliases, connection names and stale scopes for the rows of one page, in three
// small queries instead of a join per row.
export async function loadRowContext(resourceType: ResourceType, rows: { connectionId: string; accountId: string }[]): Promise<RowContext> {
  const connectionIds = [...new Set(rows.map((row) => row.connectionId))];
  const accountIds = [...new Set(rows.map((row) => row.accountId))];
  const db = getDb();
  const [accounts, connections, staleScopes] = connectionIds.length
    ? await Promise.all([
        db.account.findMany({ where: { connectionId: { in: connectionIds }, accountId: { in: accountIds } }, select: { connectionId: true, accountId: true, alias: true } }),
        db.connection.findMany({ where: { id: { in: connectionIds } }, select: { id: true, name: true } }),
        db.scopeState.findMany({
          where: { connectionId: { in: connectionIds }, stale: true, resourceType },
          select: { connectionId: true, accountId: true, region: true, lastSuccessAt: true, lastAttemptAt: true, lastErrorCode: true },
        }),
      ])
    : [[], [], []];
  const aliases = new Map(accounts.map((account) => [`${account.connectionId}|${account.accountId}`, account.alias]));
  const names = new Map(connections.map((connection) => [connection.id, connection.name]));
  const stale = new Map(
    staleScopes.map((scope) => [
      `${scope.connectionId}|${scope.accountId}|${scope.region}`,
      { lastSuccessAt: scope.lastSuccessAt?.toISOString() ?? null, lastAttemptAt: scope.lastAttemptAt.toISOString(), lastErrorCode: scope.lastErrorCode },
    ]),
  );
  return {
    alias: (connectionId, accountId) => aliases.get(`${connectionId}|${accountId}`) ?? null,
    connectionName: (connectionId) => names.get(connectionId) ?? null,
    stale: (connectionId, accountId, region) => stale.get(`${connectionId}|${accountId}|${region}`) ?? null,
  };
}
