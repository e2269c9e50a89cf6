import { describe, expect, it } from "vitest";
import { mapReservedInstance } from "./map";

describe("mapReservedInstance", () => {
  it("maps a zonal partial-upfront reservation", () => {
    const row = mapReservedInstance({
      ReservedInstancesId: "9d5cb137-5d65-4479-b4ac-8c337EXAMPLE",
      InstanceType: "m5.large",
      AvailabilityZone: "eu-west-1a",
      Start: new Date("2026-01-15T00:00:00Z"),
      End: new Date("2027-01-15T00:00:00Z"),
      Duration: 31536000,
      UsagePrice: 0,
      FixedPrice: 262,
      InstanceCount: 3,
      ProductDescription: "Windows",
      State: "active",
      Tags: [{ Key: "PurchasedBy", Value: "finops" }],
      InstanceTenancy: "default",
      CurrencyCode: "USD",
      OfferingType: "Partial Upfront",
      RecurringCharges: [{ Frequency: "Hourly", Amount: 0.03 }],
      OfferingClass: "standard",
      Scope: "Availability Zone",
    });
    expect(row).toEqual({
      reservedInstancesId: "9d5cb137-5d65-4479-b4ac-8c337EXAMPLE",
      instanceType: "m5.large",
      instanceCount: 3,
      scope: "Availability Zone",
      availabilityZone: "eu-west-1a",
      instanceTenancy: "default",
      productDescription: "Windows",
      start: "2026-01-15T00:00:00.000Z",
      end: "2027-01-15T00:00:00.000Z",
      durationSeconds: 31536000,
      state: "active",
      offeringClass: "standard",
      offeringType: "Partial Upfront",
      fixedPrice: 262,
      usagePrice: 0,
      recurringCharges: [{ frequency: "Hourly", amount: 0.03 }],
      currencyCode: "USD",
      tags: { PurchasedBy: "finops" },
      raw: expect.objectContaining({
        ReservedInstancesId: "9d5cb137-5d65-4479-b4ac-8c337EXAMPLE",
        Start: "2026-01-15T00:00:00.000Z",
      }),
    });
  });

  it("a regional reservation has no zone", () => {
    expect(mapReservedInstance({ ReservedInstancesId: "ri-1", Scope: "Region" })).toMatchObject({
      scope: "Region",
      availabilityZone: null,
      recurringCharges: [],
      tags: {},
      start: null,
    });
  });
});
