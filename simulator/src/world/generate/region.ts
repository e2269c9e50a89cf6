// Generates one account's region: dedicated hosts with instances placed on them, shared and
// dedicated-tenancy instances, reserved instances, DB instances (with a read replica) and the
// AMIs of all instances. Deterministic for (seed, account, region, stream).
import { vcpus } from "../catalog/instance-types";
import { ENGINE_MIX, ENGINES } from "../catalog/db-engines";
import { HOST_MIX, PROFILES, SHARED_MIX } from "../catalog/profiles";
import { ids } from "../ids";
import type { DbInstance, Ec2Host, Ec2Image, Ec2Instance, GenerateSpec, Partition, ReservedInstance } from "../types";
import { createRegionContext, type RegionContext } from "./context";
import { makeReadReplica, makeDbInstance } from "./databases";
import { makeHost, typesForHost } from "./hosts";
import { makeInstance } from "./instances";
import { attachManagedNodes } from "./managed-nodes";
import { makeReservedInstance } from "./reserved";

export interface RegionResources {
  instances: Ec2Instance[];
  hosts: Ec2Host[];
  reservedInstances: ReservedInstance[];
  images: Ec2Image[];
  dbInstances: DbInstance[];
}

export interface GenerateRegionOptions {
  seed: number;
  partition: Partition;
  accountId: string;
  region: string;
  env: string;
  counts: GenerateSpec;
  /** Profiles for the first shared instances, so a small world still covers every case. */
  forcedProfiles?: string[];
  /** Engine profiles for the first DB instances. */
  forcedEngines?: string[];
  /** Add one released host (no instances) when hosts > 0. */
  releasedHost?: boolean;
  /** Linux instances of these types whose DescribeInstances answer lacks cpuOptions. */
  withoutCpuOptions?: string[];
  /**
   * Make every running instance an SSM managed node; by default only when
   * counts.applicationsPerNode > 0 (scale worlds).
   */
  managedNodes?: { applicationsPerNode: number };
}

export function generateRegion(o: GenerateRegionOptions): RegionResources {
  const ctx = createRegionContext(o.seed, o.partition, o.accountId, o.region, o.env);
  const hosts = Array.from({ length: o.counts.hosts }, () => makeHost(ctx));
  if (o.releasedHost && hosts.length > 0) hosts.push(makeHost(ctx, { released: true }));
  const instances = placeOnHosts(ctx, hosts, o.counts.instances);
  instances.push(...generateSharedInstances(ctx, o.counts.instances - instances.length, o.forcedProfiles ?? []));
  const reservedInstances = Array.from({ length: o.counts.reservedInstances }, () =>
    makeReservedInstance(ctx, instances),
  );
  const dbInstances = generateDatabases(ctx, o.counts.dbInstances, o.forcedEngines ?? []);
  // Drawn last so every other resource of the region stays as it was without them.
  for (const type of o.withoutCpuOptions ?? [])
    instances.push({ ...makeInstance(ctx, { profile: "linux", type }), OmitCpuOptions: true });
  const perNode = o.counts.applicationsPerNode ?? 0;
  const managed = o.managedNodes ?? (perNode > 0 ? { applicationsPerNode: perNode } : undefined);
  if (managed) attachManagedNodes(instances, { seed: o.seed, accountId: o.accountId, region: o.region, ...managed });
  return { instances, hosts, reservedInstances, images: [...ctx.images.values()], dbInstances };
}

/** Fill each available host with 1-3 instances of its family, within its vCPU capacity. */
function placeOnHosts(ctx: RegionContext, hosts: Ec2Host[], budget: number): Ec2Instance[] {
  const placed: Ec2Instance[] = [];
  for (const host of hosts) {
    if (host.State !== "available") continue;
    let free = host.HostProperties.TotalVCpus;
    const wanted = ctx.rng.int(1, 3);
    for (let i = 0; i < wanted && placed.length < budget; i++) {
      const fitting = typesForHost(host, free, vcpus);
      if (fitting.length === 0) break;
      const type = ctx.rng.pick(fitting);
      free -= vcpus(type);
      placed.push(
        makeInstance(ctx, {
          profile: ctx.rng.weighted(HOST_MIX),
          tenancy: "host",
          host,
          type,
          stopped: ctx.rng.chance(0.08),
        }),
      );
    }
  }
  return placed;
}

export function generateSharedInstances(ctx: RegionContext, count: number, forced: string[] = []): Ec2Instance[] {
  const out: Ec2Instance[] = [];
  let reservation: string | undefined;
  for (let i = 0; i < count; i++) {
    const profileKey = forced[i] ?? ctx.rng.weighted(SHARED_MIX);
    const profile = PROFILES[profileKey];
    const spotCapable = profileKey === "linux" || profileKey === "linuxArm";
    const spot = spotCapable && ctx.rng.chance(0.15);
    const dedicated = profile.dedicatedOnly || (!spot && ctx.rng.chance(0.05));
    // Instances launched in one RunInstances call share a reservation.
    if (!reservation || ctx.rng.chance(0.6)) reservation = ids.reservation(ctx.rng);
    out.push(
      makeInstance(ctx, {
        profile: profileKey,
        tenancy: dedicated ? "dedicated" : "default",
        spot,
        stopped: !spot && ctx.rng.chance(0.1),
        singleThread: profileKey.startsWith("sql") && ctx.rng.chance(0.4),
        reservationId: reservation,
      }),
    );
  }
  return out;
}

function generateDatabases(ctx: RegionContext, count: number, forced: string[]): DbInstance[] {
  const out: DbInstance[] = [];
  const primaries = count >= 4 ? count - 1 : count;
  for (let i = 0; i < primaries; i++) out.push(makeDbInstance(ctx, forced[i] ?? ctx.rng.weighted(ENGINE_MIX)));
  if (count >= 4) {
    // Prefer an Oracle EE source (BYOL replicas need licences too), else an open-source engine;
    // SQL Server Web/Express cannot have replicas on RDS.
    const source =
      ["oracle-ee", "postgres", "mysql"].map((e) => out.find((d) => d.Engine === e)).find(Boolean) ?? out[0];
    out.push(makeReadReplica(ctx, source));
  }
  return out;
}

export const ALL_PROFILE_KEYS = Object.keys(PROFILES).filter((k) => !PROFILES[k].dedicatedOnly);
export const ALL_ENGINE_KEYS = ENGINES.map((e) => e.key);
