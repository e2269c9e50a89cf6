import type { Tags } from "../rows";

// What the collector stores for one EC2 reservation (DescribeReservedInstances) (PRODUCT.md "Fields that matter").
export type ReservedInstanceRow = {
  reservedInstancesId: string;
  instanceType: string | null;
  instanceCount: number | null;
  scope: string | null; // "Region" | "Availability Zone"
  availabilityZone: string | null;
  instanceTenancy: string | null;
  productDescription: string | null;
  start: string | null;
  end: string | null;
  durationSeconds: number | null;
  state: string | null;
  offeringClass: string | null;
  offeringType: string | null;
  fixedPrice: number | null;
  usagePrice: number | null;
  recurringCharges: { frequency: string | null; amount: number | null }[];
  currencyCode: string | null;
  tags: Tags;
  raw: unknown;
};
