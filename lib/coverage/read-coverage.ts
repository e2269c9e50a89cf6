import "server-only";
import { getDb } from "../db";
import { RESOURCE_TYPES, type ResourceType } from "../resources/rows";
import { combineCell, connectionScope, summarise, type ConnectionScopeFacts } from "./classify";
import type { CoverageCell, CoverageSummary, ScopeExclusionInfo } from "./types";

export type CoverageOptions = {
  resourceTypes?: readonly ResourceType[];
  connectionIds?: string[];
  // Viewers: AWS's messages (they quote role ARNs) are left out; codes and actions stay.
  redact: boolean;
};

const key = (scope: { accountId: string; region: string; resourceType: string }) =>
  `${scope.accountId}|${scope.region}|${scope.resourceType}`;
// How many recent runs are looked through for the one that planned scopes (skipped runs plan none).
const RECENT_RUNS = 10;

type PlannedRun = { runId: string | null; failure: { errorCode: string; at: Date } | null };

// The scopes a connection covers are those its newest run with scopes planned. A newer run that
// failed before planning (bad credentials, discovery) makes every one of them unread.
async function plannedRun(connectionId: string): Promise<PlannedRun> {
  const db = getDb();
  const runs = await db.run.findMany({
    where: { connectionId, status: { notIn: ["skipped", "queued"] } },
    orderBy: { createdAt: "desc" },
    take: RECENT_RUNS,
    select: { id: true, status: true, finishedAt: true, errorMessage: true },
  });
  let failure: PlannedRun["failure"] = null;
  for (const run of runs) {
    if (await db.runScope.findFirst({ where: { runId: run.id }, select: { id: true } }))
      return { runId: run.id, failure };
    if (run.status === "failed" && run.finishedAt && !failure)
      failure = {
        errorCode: /^([A-Za-z][\w.]*): /.exec(run.errorMessage ?? "")?.[1] ?? "RunFailed",
        at: run.finishedAt,
      };
  }
  return { runId: null, failure };
}

// Every account x region x resource type any connection covers (planned in its newest run, with
// a scope state, or excluded by an admin), with each connection's view and the combined status.
export async function getCoverage(options: CoverageOptions): Promise<CoverageCell[]> {
  const db = getDb();
  const types = [...(options.resourceTypes ?? RESOURCE_TYPES)];
  const connections = await db.connection.findMany({
    where: options.connectionIds ? { id: { in: options.connectionIds } } : {},
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const ids = connections.map((connection) => connection.id);
  const [states, exclusions, accounts] = await Promise.all([
    db.scopeState.findMany({ where: { connectionId: { in: ids }, resourceType: { in: types } } }),
    db.scopeExclusion.findMany({ where: { connectionId: { in: ids }, resourceType: { in: types } } }),
    db.account.findMany({
      where: { connectionId: { in: ids }, alias: { not: null } },
      select: { accountId: true, alias: true },
    }),
  ]);
  const staleRuns = [...new Set(states.filter((state) => state.stale).map((state) => state.lastRunId))];
  const failures = staleRuns.length
    ? await db.runScope.findMany({
        where: { runId: { in: staleRuns }, status: "failed", resourceType: { in: types } },
        select: { runId: true, accountId: true, region: true, resourceType: true, message: true },
      })
    : [];
  const messageOf = new Map(failures.map((row) => [`${row.runId}|${key(row)}`, row.message]));
  const stateOf = new Map(states.map((state) => [`${state.connectionId}|${key(state)}`, state]));
  const alias = new Map(accounts.map((account) => [account.accountId, account.alias]));

  const cells = new Map<
    string,
    { scope: { accountId: string; region: string; resourceType: ResourceType }; facts: ConnectionScopeFacts[] }
  >();
  const add = (
    connection: { id: string; name: string },
    scope: { accountId: string; region: string; resourceType: string },
    exclusion: ScopeExclusionInfo | null,
    failure: PlannedRun["failure"],
  ) => {
    const resourceType = scope.resourceType as ResourceType;
    const cellKey = key(scope);
    const cell = cells.get(cellKey) ?? {
      scope: { accountId: scope.accountId, region: scope.region, resourceType },
      facts: [],
    };
    cells.set(cellKey, cell);
    if (cell.facts.some((facts) => facts.connectionId === connection.id)) return;
    const state = stateOf.get(`${connection.id}|${cellKey}`) ?? null;
    const failureMessage = state?.stale ? (messageOf.get(`${state.lastRunId}|${cellKey}`) ?? null) : null;
    cell.facts.push({
      connectionId: connection.id,
      connectionName: connection.name,
      resourceType,
      state,
      failureMessage,
      exclusion,
      runFailure: failure,
    });
  };

  for (const connection of connections) {
    const own = exclusions.filter((exclusion) => exclusion.connectionId === connection.id);
    for (const exclusion of own) {
      add(
        connection,
        exclusion,
        {
          connectionId: connection.id,
          reason: exclusion.reason,
          excludedBy: exclusion.createdByEmail,
          excludedAt: exclusion.createdAt.toISOString(),
        },
        null,
      );
    }
    const run = await plannedRun(connection.id);
    const planned = run.runId
      ? await db.runScope.findMany({
          where: { runId: run.runId, resourceType: { in: types } },
          select: { accountId: true, region: true, resourceType: true },
        })
      : [];
    for (const scope of planned) add(connection, scope, null, run.failure);
    // Scopes it still holds state for (a scope leaving its coverage loses its state), e.g. an
    // account that could not be reached in the latest run.
    for (const state of states) if (state.connectionId === connection.id) add(connection, state, null, run.failure);
  }

  return [...cells.values()]
    .map(({ scope, facts }) => {
      const views = facts.map(connectionScope).map((view) => (options.redact ? { ...view, message: null } : view));
      return combineCell({ ...scope, accountAlias: alias.get(scope.accountId) ?? null }, views);
    })
    .sort(
      (a, b) =>
        a.accountId.localeCompare(b.accountId) ||
        a.region.localeCompare(b.region) ||
        types.indexOf(a.resourceType) - types.indexOf(b.resourceType),
    );
}

export type GapFilter = {
  resourceTypes: readonly ResourceType[];
  connectionId?: string | readonly string[];
  account?: string | readonly string[];
  region?: string | readonly string[];
};

// undefined (or only empty values): no narrowing on that dimension.
function listOf(value: string | readonly string[] | undefined): string[] | undefined {
  const values = (typeof value === "string" ? [value] : [...(value ?? [])]).filter(Boolean);
  return values.length ? values : undefined;
}

// The gaps behind a figure or a list: its resource types, narrowed like the list (connection,
// exact region, account ID or alias; several values of one: any of them). Fed to the banners,
// API lists and exports.
export async function getCoverageGaps(filter: GapFilter): Promise<CoverageSummary> {
  const cells = await getCoverage({
    resourceTypes: filter.resourceTypes,
    connectionIds: listOf(filter.connectionId),
    redact: true,
  });
  const regions = listOf(filter.region);
  const accounts = listOf(filter.account)?.map((account) => account.toLowerCase());
  return summarise(
    cells.filter(
      (cell) =>
        (!regions || regions.includes(cell.region)) &&
        (!accounts ||
          accounts.some((account) => cell.accountId === account || cell.accountAlias?.toLowerCase() === account)),
    ),
  );
}
