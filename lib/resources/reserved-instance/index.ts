import { COMMON_SORT, contextColumns, isoDate, type ResourceDefinition } from "../definition";
import type { ReservedInstanceRow } from "./row";

export const reservedInstance: ResourceDefinition<"reserved-instance", "reserved-instances"> = {
  type: "reserved-instance",
  slug: "reserved-instances",
  labels: {
    title: "Reserved instances",
    nav: "Reserved instances",
    noun: "Reserved instances",
    short: "Reserved instances",
    figures: "reserved instance and RI coverage figures",
    description: "EC2 reservations with their type, count, scope, product, tenancy and term.",
  },
  // AWS Config does not record reservations: the Config adapter reads them from EC2 per account and region.
  aws: { read: "ec2:DescribeReservedInstances", helpers: [], configResourceType: null },
  store: {
    table: "ReservedInstance",
    idField: "reservedInstancesId",
    idOf: (row: ReservedInstanceRow) => row.reservedInstancesId,
    columns: (row: ReservedInstanceRow) => ({
      instanceType: row.instanceType,
      instanceCount: row.instanceCount,
      scope: row.scope,
      availabilityZone: row.availabilityZone,
      productDescription: row.productDescription,
      instanceTenancy: row.instanceTenancy,
      state: row.state,
      offeringClass: row.offeringClass,
      startAt: isoDate(row.start),
      endAt: isoDate(row.end),
    }),
    tracked: ["state", "instanceType", "instanceCount", "scope", "availabilityZone", "productDescription", "instanceTenancy", "end"],
  },
  table: {
    columns: ["reservedInstancesId", "instanceType", "instanceCount", "scope", "availabilityZone", "productDescription", "instanceTenancy", "state", "offeringClass", "startAt", "endAt"],
    dataFields: ["offeringType"],
    filters: { state: "state", instanceType: "instanceType", licensedProduct: "productDescription", tenancy: "instanceTenancy" },
    sortable: ["reservedInstancesId", "instanceType", "instanceCount", "scope", "productDescription", "instanceTenancy", "state", "offeringClass", "startAt", "endAt", ...COMMON_SORT],
    defaultSort: "endAt",
    display: [
      { id: "reservedInstancesId", label: "Reservation ID", sort: "reservedInstancesId", default: true },
      ...contextColumns(false).slice(0, 2),
      { id: "instanceType", label: "Type", sort: "instanceType", default: true },
      { id: "instanceCount", label: "Count", sort: "instanceCount", default: true, kind: "number" },
      { id: "scope", label: "Scope", sort: "scope", default: true },
      { id: "availabilityZone", label: "AZ", default: true },
      { id: "productDescription", label: "Product", sort: "productDescription", default: true },
      { id: "instanceTenancy", label: "Tenancy", sort: "instanceTenancy", default: true },
      { id: "state", label: "State", sort: "state", default: true },
      { id: "startAt", label: "Start", sort: "startAt", default: true, kind: "date" },
      { id: "endAt", label: "End", sort: "endAt", default: true, kind: "date" },
      { id: "offeringClass", label: "Offering class", sort: "offeringClass", default: true },
      { id: "offeringType", label: "Offering type" },
      ...contextColumns(false).slice(2),
    ],
  },
};
