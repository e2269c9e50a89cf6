// Demo resources per account and region. Counts are drawn from the seed; the first instances
// and DB instances of each cell cycle through every profile and engine so the small world
// still covers every licence case (Windows BYOL, SQL Server editions, RHEL, spot, hosts ...).
import { generateRegion, ALL_ENGINE_KEYS, ALL_PROFILE_KEYS, type RegionResources } from "../generate/region";
import { Prng } from "../prng";
import type { Partition } from "../types";
import { DEMO_MEMBERS, DEMO_WITHOUT_CPU_OPTIONS } from "./layout";
import { applyDemoSoftware } from "./software";

export interface DemoCell {
  accountId: string;
  env: string;
  region: string;
  cellIndex: number;
  production: boolean;
  enabledIndex: number;
}

export function demoMemberResources(seed: number, partition: Partition, cell: DemoCell): RegionResources {
  const rng = Prng.of(seed, "demo-counts", cell.accountId, cell.region);
  const hosts = cell.production ? (cell.enabledIndex < 2 ? 2 : 0) : cell.enabledIndex === 0 ? 1 : 0;
  const c = cell.cellIndex;
  const profiles = ALL_PROFILE_KEYS;
  const engines = ALL_ENGINE_KEYS;
  const resources = generateRegion({
    seed,
    partition,
    accountId: cell.accountId,
    region: cell.region,
    env: cell.env,
    counts: {
      instances: rng.int(14, 22),
      hosts,
      reservedInstances: cell.production ? rng.int(3, 4) : rng.int(1, 2),
      dbInstances: cell.production ? rng.int(2, 5) : rng.int(1, 2),
    },
    forcedProfiles: [profiles[(2 * c) % profiles.length], profiles[(2 * c + 1) % profiles.length]],
    forcedEngines: [engines[c % engines.length], engines[(c + 4) % engines.length]],
    releasedHost: cell.accountId === DEMO_MEMBERS[0].id && cell.enabledIndex === 0,
    withoutCpuOptions: DEMO_WITHOUT_CPU_OPTIONS.find((x) => x.account === cell.accountId && x.region === cell.region)
      ?.types,
    managedNodes: { applicationsPerNode: 0 },
  });
  applyDemoSoftware(partition, cell.accountId, cell.region, resources.instances);
  return resources;
}

/** The management account holds a little too: a few instances and one database in its first region. */
export function demoManagementResources(
  seed: number,
  partition: Partition,
  accountId: string,
  region: string,
): RegionResources {
  return generateRegion({
    seed,
    partition,
    accountId,
    region,
    env: "mgmt",
    counts: { instances: 6, hosts: 0, reservedInstances: 1, dbInstances: 1 },
    forcedProfiles: ["linux", "windows", "linuxGolden", "linux", "rhel", "linuxArm"],
    forcedEngines: ["postgres"],
    managedNodes: { applicationsPerNode: 0 },
  });
}
