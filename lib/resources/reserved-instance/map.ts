import type { ReservedInstances } from "@aws-sdk/client-ec2";
import type { ReservedInstanceRow } from "./row";
import { iso, jsonSafe, num, str, tagsOf } from "../collect/values";

/** One DescribeReservedInstances reservation as a ReservedInstanceRow. */
export function mapReservedInstance(ri: ReservedInstances): ReservedInstanceRow {
  return {
    reservedInstancesId: ri.ReservedInstancesId ?? "",
    instanceType: str(ri.InstanceType),
    instanceCount: num(ri.InstanceCount),
    scope: str(ri.Scope),
    // Regional reservations have no zone.
    availabilityZone: str(ri.AvailabilityZone),
    instanceTenancy: str(ri.InstanceTenancy),
    productDescription: str(ri.ProductDescription),
    start: iso(ri.Start),
    end: iso(ri.End),
    // Duration is in seconds (31536000 = one year).
    durationSeconds: num(ri.Duration),
    state: str(ri.State),
    offeringClass: str(ri.OfferingClass),
    offeringType: str(ri.OfferingType),
    fixedPrice: num(ri.FixedPrice),
    usagePrice: num(ri.UsagePrice),
    recurringCharges: (ri.RecurringCharges ?? []).map((c) => ({ frequency: str(c.Frequency), amount: num(c.Amount) })),
    currencyCode: str(ri.CurrencyCode),
    tags: tagsOf(ri.Tags),
    raw: jsonSafe(ri),
  };
}
