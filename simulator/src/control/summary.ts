// GET /_sim/summary: what the world holds per account and region. Regions not yet materialized
// are counted from their spec, so a summary never forces a large world into memory.
import type { RegionSpec } from "../world/types";
import type { World } from "../world/world";

export interface RegionSummary {
  name: string;
  optIn: string;
  instances: number;
  hosts: number;
  reservedInstances: number;
  dbInstances: number;
}

function counts(world: World, accountId: string, r: RegionSpec): Omit<RegionSummary, "name" | "optIn"> {
  if (world.isMaterialized(accountId, r.name)) {
    const s = world.region(accountId, r.name)!;
    return {
      instances: s.instances.length,
      hosts: s.hosts.length,
      reservedInstances: s.reservedInstances.length,
      dbInstances: s.dbInstances.length,
    };
  }
  const g = r.optIn === "not-opted-in" ? undefined : r.generate;
  return {
    instances: (r.instances?.length ?? 0) + (g?.instances ?? 0),
    hosts: (r.hosts?.length ?? 0) + (g?.hosts ?? 0),
    reservedInstances: (r.reservedInstances?.length ?? 0) + (g?.reservedInstances ?? 0),
    dbInstances: (r.dbInstances?.length ?? 0) + (g?.dbInstances ?? 0),
  };
}

export function summarize(world: World) {
  return {
    name: world.spec.name,
    partition: world.partition,
    accounts: world.spec.accounts.map((a) => ({
      id: a.id,
      alias: a.alias ?? null,
      name: a.name,
      regions: a.regions.map((r) => ({ name: r.name, optIn: r.optIn, ...counts(world, a.id, r) })),
    })),
  };
}
