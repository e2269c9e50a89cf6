import { getDb } from "../db";
import type { CollectionPlan, PlannedScope } from "./plan";
import type { ResourceType } from "../resources/rows";
import { retireSightings, type CoverageExit, type RetireResult } from "./store/retire-sightings";

const key = (scope: { accountId: string; region: string; resourceType: string }) =>
  `${scope.accountId}|${scope.region}|${scope.resourceType}`;

// What a connection covered before (its scope states and live sightings) but no longer covers
// now that discovery has succeeded: an account that left (suspended or closed, moved out of the
// chosen OU, excluded, removed from the list), a region that left (removed from the list, no
// longer enabled), a scope an admin excluded. An account that could not be reached is not an
// exit: nobody knows, so its scopes are only stale.
export function coverageExits(plan: CollectionPlan, planned: PlannedScope[], known: PlannedScope[]): CoverageExit[] {
  const unreachable = new Set(
    plan.accounts.filter((account) => account.error).map((account) => account.target.accountId),
  );
  const stillCovered = new Set(planned.map(key));
  const exits = new Map<string, CoverageExit>();
  for (const scope of known) {
    if (unreachable.has(scope.accountId) || stillCovered.has(key(scope))) continue;
    exits.set(key(scope), scope);
  }
  return [...exits.values()];
}

// Applies the exits of one run: the connection's sightings there end ("out-of-scope"), the
// resources no other connection sees leave the live inventory with that reason, and the scopes'
// states go (they are no longer this connection's to be stale or current).
export async function retireCoverageExits(
  connectionId: string,
  plan: CollectionPlan,
  planned: PlannedScope[],
): Promise<RetireResult & { exits: CoverageExit[] }> {
  const exits = coverageExits(plan, planned, await knownCoverage(connectionId));
  const result = await retireSightings(connectionId, "out-of-scope", exits);
  for (const exit of exits) {
    await getDb().scopeState.deleteMany({
      where: { connectionId, accountId: exit.accountId, region: exit.region, resourceType: exit.resourceType },
    });
  }
  return { ...result, exits };
}

async function knownCoverage(connectionId: string): Promise<PlannedScope[]> {
  const db = getDb();
  const [states, sightings] = await Promise.all([
    db.scopeState.findMany({ where: { connectionId }, select: { accountId: true, region: true, resourceType: true } }),
    db.sighting.groupBy({ by: ["accountId", "region", "resourceType"], where: { connectionId, endedAt: null } }),
  ]);
  return [...states, ...sightings].map((scope) => ({
    accountId: scope.accountId,
    region: scope.region,
    resourceType: scope.resourceType as ResourceType,
  }));
}
