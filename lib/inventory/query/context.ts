import "server-only";
import { getDb } from "../../db";
import type { ResourceType } from "../../resources/rows";
import type { StaleInfo } from "./types";

export type RowContext = {
  alias(accountId: string): string | null;
  connectionName(connectionId: string): string | null;
  stale(accountId: string, region: string): StaleInfo | null;
};

type ScopeStateRow = {
  accountId: string;
  region: string;
  stale: boolean;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date;
  lastErrorCode: string | null;
};

// Account aliases, connection names and stale scopes for the rows of one page, in three
// small queries instead of a join per row. A resource is one row whatever the connections
// that see it, so a scope is stale only when no connection covering it read it successfully
// last time; the figures shown are then the newest any of them had.
export async function loadRowContext(
  resourceType: ResourceType,
  rows: { connectionId: string; accountId: string }[],
): Promise<RowContext> {
  const connectionIds = [...new Set(rows.map((row) => row.connectionId))];
  const accountIds = [...new Set(rows.map((row) => row.accountId))];
  const db = getDb();
  const [accounts, connections, scopes] = rows.length
    ? await Promise.all([
        db.account.findMany({
          where: { accountId: { in: accountIds }, alias: { not: null } },
          select: { accountId: true, alias: true },
        }),
        db.connection.findMany({ where: { id: { in: connectionIds } }, select: { id: true, name: true } }),
        db.scopeState.findMany({
          where: { accountId: { in: accountIds }, resourceType },
          select: {
            accountId: true,
            region: true,
            stale: true,
            lastSuccessAt: true,
            lastAttemptAt: true,
            lastErrorCode: true,
          },
        }),
      ])
    : [[], [], []];
  const aliases = new Map(accounts.map((account) => [account.accountId, account.alias]));
  const names = new Map(connections.map((connection) => [connection.id, connection.name]));
  const stale = staleScopes(scopes);
  return {
    alias: (accountId) => aliases.get(accountId) ?? null,
    connectionName: (connectionId) => names.get(connectionId) ?? null,
    stale: (accountId, region) => stale.get(`${accountId}|${region}`) ?? null,
  };
}

// Every scope of a type that no connection has current: what the "stale" filter matches, by the
// same rule as each row's stale flag above.
export async function staleScopeList(resourceType: ResourceType): Promise<{ accountId: string; region: string }[]> {
  const scopes = await getDb().scopeState.findMany({
    where: { resourceType },
    select: {
      accountId: true,
      region: true,
      stale: true,
      lastSuccessAt: true,
      lastAttemptAt: true,
      lastErrorCode: true,
    },
  });
  return [...staleScopes(scopes).keys()].map((key) => {
    const [accountId, region] = key.split("|");
    return { accountId, region };
  });
}

// account|region -> stale info, for scopes that no connection has current.
function staleScopes(scopes: ScopeStateRow[]): Map<string, StaleInfo> {
  const byScope = new Map<string, ScopeStateRow[]>();
  for (const scope of scopes) {
    const key = `${scope.accountId}|${scope.region}`;
    byScope.set(key, [...(byScope.get(key) ?? []), scope]);
  }
  const stale = new Map<string, StaleInfo>();
  for (const [key, states] of byScope) {
    if (states.some((state) => !state.stale)) continue;
    const lastSuccess = Math.max(...states.map((state) => state.lastSuccessAt?.getTime() ?? 0));
    const latest = states.reduce((a, b) => (b.lastAttemptAt > a.lastAttemptAt ? b : a));
    stale.set(key, {
      lastSuccessAt: lastSuccess ? new Date(lastSuccess).toISOString() : null,
      lastAttemptAt: latest.lastAttemptAt.toISOString(),
      lastErrorCode: latest.lastErrorCode,
    });
  }
  return stale;
}
