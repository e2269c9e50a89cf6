// The bench's worlds: the simulator's `scale` preset with a known external ID shared by every
// member role (the connection's), written to a world file for the simulator process, and the
// shape of that world (what each account + region holds) that the lower bound and the request
// counts are computed from.
import fs from "node:fs";
import path from "node:path";
import { buildPreset, type WorldSpec } from "../../simulator/src/index";
import { PROFILES } from "../../simulator/src/world/catalog/profiles";

export const SHARED_EXTERNAL_ID = "cirrus-bench-shared-external-id-0001";
export const MEMBER_ROLE = "CirrusInventoryRole";

export type WorldSize = {
  accounts: number;
  regions: number;
  instancesPerRegion: number;
  /** SSM managed nodes with this many applications each (running instances); none when absent. */
  applicationsPerNode?: number;
};

export type RegionShape = {
  instances: number;
  hosts: number;
  reservedInstances: number;
  dbInstances: number;
  images: number;
};
export type WorldShape = {
  accounts: number;
  managementAccountId: string;
  /** Per account: its regions (all enabled in the scale world). */
  regionsPerAccount: number;
  region: RegionShape;
  homeRegion: string;
  distinctExternalIds: number;
};

export function buildBenchWorld(size: WorldSize): { spec: WorldSpec; distinctExternalIds: number } {
  const spec = buildPreset("scale", {
    accounts: size.accounts,
    regions: size.regions,
    instancesPerRegion: size.instancesPerRegion,
    applicationsPerNode: size.applicationsPerNode,
    sharedExternalId: SHARED_EXTERNAL_ID,
  });
  const ids = new Set<string>();
  for (const role of spec.iam.roles) {
    if (role.name !== MEMBER_ROLE) continue;
    const statements = Array.isArray(role.trustPolicy.Statement)
      ? role.trustPolicy.Statement
      : [role.trustPolicy.Statement];
    for (const statement of statements) {
      const equals = statement.Condition?.StringEquals as Record<string, string> | undefined;
      if (equals && "sts:ExternalId" in equals) ids.add(equals["sts:ExternalId"]);
    }
  }
  return { spec, distinctExternalIds: ids.size };
}

export function writeWorldFile(dir: string, name: string, spec: WorldSpec): string {
  const file = path.join(dir, `${name}.world.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  return file;
}

// Every region of the scale world is generated from the same counts; AMIs are one per instance
// profile used (simulator/src/world/generate/images.ts), so at most min(instances, profiles).
export function shapeOf(spec: WorldSpec, distinctExternalIds: number): WorldShape {
  const first = spec.accounts[0].regions[0];
  const counts = first.generate ?? { instances: 0, hosts: 0, reservedInstances: 0, dbInstances: 0 };
  for (const account of spec.accounts) {
    for (const region of account.regions) {
      const g = region.generate;
      if (
        !g ||
        g.instances !== counts.instances ||
        g.hosts !== counts.hosts ||
        g.dbInstances !== counts.dbInstances ||
        region.optIn === "not-opted-in"
      ) {
        throw new Error(
          `bench: region ${account.id}/${region.name} is not like the others; the lower bound assumes a uniform scale world`,
        );
      }
    }
  }
  return {
    accounts: spec.accounts.length,
    managementAccountId: spec.organization!.managementAccountId,
    regionsPerAccount: first ? spec.accounts[0].regions.length : 0,
    region: { ...counts, images: Math.min(counts.instances, Object.keys(PROFILES).length) },
    homeRegion: "us-east-1",
    distinctExternalIds,
  };
}
