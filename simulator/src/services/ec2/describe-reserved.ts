// EC2 DescribeReservedInstances: not paginated; ReservedInstancesId.N, Filter.N, OfferingClass,
// OfferingType. Config does not record RIs, so collectors always call this per region.
import { ec2Filters, indexedList } from "../../protocols/params";
import type { ReservedInstance } from "../../world/types";
import type { CallContext } from "../context";
import { applyFilters, type FilterValues, tagValues } from "./filters";
import { storeFor } from "./caller-store";
import { leaf, list, tagSet } from "./xml-common";

const riFilterValues: FilterValues<ReservedInstance> = (r, name) => {
  switch (name) {
    case "reserved-instances-id":
      return [r.ReservedInstancesId];
    case "instance-type":
      return [r.InstanceType];
    case "availability-zone":
      return [r.AvailabilityZone];
    case "scope":
      return [r.Scope];
    case "state":
      return [r.State];
    case "product-description":
      return [r.ProductDescription];
    case "duration":
      return [String(r.Duration)];
    case "start":
      return [r.Start];
    case "end":
      return [r.End];
    case "fixed-price":
      return [String(r.FixedPrice)];
    case "usage-price":
      return [String(r.UsagePrice)];
    default:
      return tagValues(r.Tags, name);
  }
};

export function describeReservedInstances(ctx: CallContext): string {
  ctx.authorize("ec2:DescribeReservedInstances", "*");
  const ids = indexedList(ctx.params, "ReservedInstancesId");
  const offeringClass = ctx.params.get("OfferingClass");
  const offeringType = ctx.params.get("OfferingType");
  const all = storeFor(ctx)?.reservedInstances ?? [];
  let items = ids.length > 0 ? all.filter((r) => ids.includes(r.ReservedInstancesId)) : all;
  if (offeringClass) items = items.filter((r) => r.OfferingClass === offeringClass);
  if (offeringType) items = items.filter((r) => r.OfferingType === offeringType);
  items = applyFilters(items, ec2Filters(ctx.params), riFilterValues, all[0]);
  return list("reservedInstancesSet", "item", items, riXml);
}

function riXml(r: ReservedInstance): string {
  return (
    leaf("reservedInstancesId", r.ReservedInstancesId) +
    leaf("instanceType", r.InstanceType) +
    leaf("availabilityZone", r.AvailabilityZone) +
    leaf("start", r.Start) +
    leaf("end", r.End) +
    leaf("duration", r.Duration) +
    leaf("usagePrice", r.UsagePrice) +
    leaf("fixedPrice", r.FixedPrice) +
    leaf("instanceCount", r.InstanceCount) +
    leaf("productDescription", r.ProductDescription) +
    leaf("state", r.State) +
    tagSet(r.Tags) +
    leaf("instanceTenancy", r.InstanceTenancy) +
    leaf("currencyCode", r.CurrencyCode) +
    leaf("offeringType", r.OfferingType) +
    list(
      "recurringCharges",
      "item",
      r.RecurringCharges,
      (c) => leaf("frequency", c.Frequency) + leaf("amount", c.Amount),
    ) +
    leaf("offeringClass", r.OfferingClass) +
    leaf("scope", r.Scope)
  );
}
