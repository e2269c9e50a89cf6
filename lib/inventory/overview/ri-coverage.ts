// RI coverage: which running instances an active reserved instance pays for. Pure: no I/O.
//
// Matching follows EC2's billing rules, simplified where noted:
// - zonal RIs ("Availability Zone" scope) match instances in that AZ, and are applied first;
//   regional RIs then match any AZ of their region;
// - instance type must be equal (size flexibility of regional Linux RIs is not modelled, so
//   coverage may be understated, never overstated);
// - platform: the RI's ProductDescription against the instance's PlatformDetails, with AWS's
//   " (Amazon VPC)" suffix dropped on both;
// - tenancy: an RI's "default" or "dedicated" against the instance's Placement.Tenancy;
//   instances on dedicated hosts ("host") and spot / capacity-block instances are billed
//   otherwise and are left out of coverage;
// - an RI only covers instances of its own account (billing-family sharing is ignored, again
//   erring towards "uncovered").

export type CoverageInstance = {
  accountId: string;
  region: string;
  availabilityZone: string | null;
  instanceType: string | null;
  platformDetails: string | null;
  tenancy: string | null;
  lifecycle: string;
  state: string | null;
};

/** Alike instances counted together (a database GROUP BY): `instances` of them. */
export type CoverageGroup = CoverageInstance & { instances: number };

export type CoverageReservation = {
  accountId: string;
  region: string;
  instanceType: string | null;
  instanceCount: number | null;
  scope: string | null;
  availabilityZone: string | null;
  productDescription: string | null;
  instanceTenancy: string | null;
  state: string | null;
};

export type CoverageRow = {
  instanceType: string;
  platform: string;
  tenancy: string;
  running: number;
  covered: number;
  uncovered: number;
  /** Active reserved instance count (RI instanceCount) for this type, platform and tenancy. */
  reserved: number;
  /** Reserved capacity that matched no running instance. */
  unused: number;
};

export type RiCoverage = {
  rows: CoverageRow[];
  running: number;
  covered: number;
  uncovered: number;
  reserved: number;
  unused: number;
};

const ELIGIBLE_TENANCY = new Set(["default", "dedicated"]);

// Remembered per text: a million instances come in a handful of platform names.
const PLATFORMS = new Map<string, string>();

export function normalisePlatform(text: string | null | undefined): string {
  const key = text ?? "unknown";
  let platform = PLATFORMS.get(key);
  if (platform === undefined) {
    platform = key.replace(/\s*\(Amazon VPC\)\s*$/i, "").trim() || "unknown";
    if (PLATFORMS.size < 10_000) PLATFORMS.set(key, platform);
  }
  return platform;
}

export function riCoverage(
  instances: readonly (CoverageInstance | CoverageGroup)[],
  reservations: readonly CoverageReservation[],
): RiCoverage {
  const rows = new Map<string, CoverageRow>();
  const row = (instanceType: string, platform: string, tenancy: string) => {
    const key = `${instanceType}|${platform}|${tenancy}`;
    let r = rows.get(key);
    if (!r)
      rows.set(
        key,
        (r = { instanceType, platform, tenancy, running: 0, covered: 0, uncovered: 0, reserved: 0, unused: 0 }),
      );
    return r;
  };
  // Remaining capacity per pool: zonal pools keyed by AZ, regional ones by region.
  const zonal = new Map<string, number>();
  const regional = new Map<string, number>();
  for (const ri of reservations) {
    if (ri.state !== "active" || !ri.instanceType) continue;
    const platform = normalisePlatform(ri.productDescription);
    const tenancy = ri.instanceTenancy ?? "default";
    const count = ri.instanceCount ?? 0;
    row(ri.instanceType, platform, tenancy).reserved += count;
    const base = `${ri.accountId}|${ri.instanceType}|${platform}|${tenancy}`;
    if (ri.scope === "Availability Zone" && ri.availabilityZone) add(zonal, `${base}|${ri.availabilityZone}`, count);
    else add(regional, `${base}|${ri.region}`, count);
  }
  const eligible = instances.filter(
    (i) =>
      i.state === "running" &&
      i.instanceType &&
      ELIGIBLE_TENANCY.has(i.tenancy ?? "default") &&
      i.lifecycle === "on-demand",
  );
  const pending: { instance: CoverageInstance; r: CoverageRow; base: string; count: number }[] = [];
  for (const instance of eligible) {
    const count = "instances" in instance ? instance.instances : 1;
    const platform = normalisePlatform(instance.platformDetails);
    const tenancy = instance.tenancy ?? "default";
    const r = row(instance.instanceType!, platform, tenancy);
    r.running += count;
    const base = `${instance.accountId}|${instance.instanceType}|${platform}|${tenancy}`;
    const zonalTaken = instance.availabilityZone ? take(zonal, `${base}|${instance.availabilityZone}`, count) : 0;
    r.covered += zonalTaken;
    if (zonalTaken < count) pending.push({ instance, r, base, count: count - zonalTaken });
  }
  // Regional RIs only after every zonal RI had its chance, so a zonal match is never wasted.
  for (const { instance, r, base, count } of pending) {
    const regionalTaken = take(regional, `${base}|${instance.region}`, count);
    r.covered += regionalTaken;
    r.uncovered += count - regionalTaken;
  }
  for (const [key, left] of [...zonal, ...regional]) {
    const [, instanceType, platform, tenancy] = key.split("|");
    row(instanceType, platform, tenancy).unused += left;
  }
  const list = [...rows.values()].sort(
    (a, b) =>
      a.instanceType.localeCompare(b.instanceType) ||
      a.platform.localeCompare(b.platform) ||
      a.tenancy.localeCompare(b.tenancy),
  );
  const sum = (k: "running" | "covered" | "uncovered" | "reserved" | "unused") => list.reduce((n, r) => n + r[k], 0);
  return {
    rows: list,
    running: sum("running"),
    covered: sum("covered"),
    uncovered: sum("uncovered"),
    reserved: sum("reserved"),
    unused: sum("unused"),
  };
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

// Takes up to `wanted` units of the pool's remaining capacity; returns how many it got.
function take(map: Map<string, number>, key: string, wanted: number): number {
  const left = map.get(key) ?? 0;
  const taken = Math.max(0, Math.min(left, wanted));
  if (taken) map.set(key, left - taken);
  return taken;
}
