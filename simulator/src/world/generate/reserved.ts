// Reserved instances: regional and zonal scope, active and retired, standard and convertible.
import { vcpus } from "../catalog/instance-types";
import { ids } from "../ids";
import type { Ec2Instance, ReservedInstance } from "../types";
import { DAY_MS, WORLD_EPOCH, type RegionContext } from "./context";

const YEAR_S = 31_536_000;

const PRODUCT_BY_PLATFORM: Record<string, string> = {
  "Linux/UNIX": "Linux/UNIX",
  Windows: "Windows",
  "Red Hat Enterprise Linux": "Red Hat Enterprise Linux",
  "Windows with SQL Server Standard": "Windows with SQL Server Standard",
  "Windows with SQL Server Enterprise": "Windows with SQL Server Enterprise",
  "Windows with SQL Server Web": "Windows with SQL Server Web",
};

export function makeReservedInstance(ctx: RegionContext, instances: Ec2Instance[]): ReservedInstance {
  const { rng } = ctx;
  const shared = instances.filter((i) => i.Placement.Tenancy !== "host" && !i.InstanceLifecycle);
  const model = shared.length > 0 ? rng.pick(shared) : undefined;
  const type = model?.InstanceType ?? "m5.large";
  const active = rng.chance(0.7);
  const years = active && rng.chance(0.35) ? 3 : 1;
  // Active reservations end at least ~5 weeks after the world epoch; retired ones ended before it.
  const startDaysAgo = active ? rng.int(30, years * 365 - 40) : rng.int(400, 1100);
  const start = WORLD_EPOCH - startDaysAgo * DAY_MS;
  const end = start + years * YEAR_S * 1000;
  const zonal = rng.chance(0.35);
  const offeringType = rng.pick(["No Upfront", "Partial Upfront", "All Upfront"] as const);
  const size = vcpus(type);
  const hourly =
    offeringType === "All Upfront" ? 0 : Number((size * (offeringType === "No Upfront" ? 0.031 : 0.015)).toFixed(3));
  const fixed = offeringType === "No Upfront" ? 0 : size * years * (offeringType === "All Upfront" ? 262 : 131);
  return {
    ReservedInstancesId: ids.reservedInstances(rng),
    InstanceType: type,
    InstanceCount: rng.int(1, 4),
    Scope: zonal ? "Availability Zone" : "Region",
    ...(zonal ? { AvailabilityZone: model?.Placement.AvailabilityZone ?? ctx.azs[0] } : {}),
    InstanceTenancy: model?.Placement.Tenancy === "dedicated" ? "dedicated" : "default",
    ProductDescription: PRODUCT_BY_PLATFORM[model?.PlatformDetails ?? "Linux/UNIX"] ?? "Linux/UNIX",
    Start: new Date(start).toISOString(),
    End: new Date(end).toISOString(),
    Duration: years * YEAR_S,
    State: active ? "active" : "retired",
    OfferingClass: rng.chance(0.3) ? "convertible" : "standard",
    OfferingType: offeringType,
    FixedPrice: fixed,
    UsagePrice: 0,
    CurrencyCode: "USD",
    RecurringCharges: hourly > 0 ? [{ Frequency: "Hourly", Amount: hourly }] : [],
    Tags: rng.chance(0.5) ? [{ Key: "PurchasedBy", Value: "finops" }] : [],
  };
}
