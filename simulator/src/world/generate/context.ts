// Shared state while generating one account's region: its seeded stream, network layout and
// name counters, so every generator draws from the same reproducible sequence.
import { PARTITION_REGIONS } from "../partitions";
import { Prng } from "../prng";
import { ids } from "../ids";
import type { Ec2Image, Partition } from "../types";

/** Generated timestamps are relative to this fixed date so worlds never depend on today. */
export const WORLD_EPOCH = Date.UTC(2026, 10, 15, 0, 0, 0);
export const DAY_MS = 86_400_000;

export interface RegionContext {
  rng: Prng;
  seed: number;
  partition: Partition;
  accountId: string;
  region: string;
  /** Environment label used in names and tags (prod, dev, ...). */
  env: string;
  azs: string[];
  vpcId: string;
  subnets: string[];
  rdsSuffix: string;
  /** Second octet of private IPs, unique per region so addresses look plausible. */
  ipOctet: number;
  names: Map<string, number>;
  images: Map<string, Ec2Image>;
}

export function createRegionContext(
  seed: number,
  partition: Partition,
  accountId: string,
  region: string,
  env: string,
  stream = "base",
): RegionContext {
  const rng = Prng.of(seed, accountId, region, stream);
  // Network layout depends only on (seed, account, region) so later streams (addInstances)
  // land in the same VPC and subnets.
  const net = Prng.of(seed, accountId, region, "network");
  const azs = ["a", "b", "c"].map((s) => `${region}${s}`);
  return {
    rng,
    seed,
    partition,
    accountId,
    region,
    env,
    azs,
    vpcId: ids.vpc(net),
    subnets: azs.map(() => ids.subnet(net)),
    rdsSuffix: ids.rdsEndpointSuffix(net),
    ipOctet: (Math.max(0, PARTITION_REGIONS[partition].indexOf(region)) % 200) + 16,
    names: new Map(),
    images: new Map(),
  };
}

/** Next sequential name for a prefix: app-prod-001, app-prod-002 ... */
export function nextName(ctx: RegionContext, prefix: string): string {
  const n = (ctx.names.get(prefix) ?? 0) + 1;
  ctx.names.set(prefix, n);
  return `${prefix}-${ctx.env}-${String(n).padStart(3, "0")}`;
}

export function isoDaysBeforeEpoch(days: number, rng: Prng): string {
  const ms = WORLD_EPOCH - days * DAY_MS - rng.int(0, DAY_MS / 1000 - 1) * 1000;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, ".000Z");
}
