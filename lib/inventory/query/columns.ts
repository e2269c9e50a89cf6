import type { InventoryType } from "./types";

// Columns each table can show (ids are row fields or the shared context: account, region,
// connection, firstSeenAt, lastSeenAt), their labels, the sort key and whether shown by default.
// Pure data: the UI and the column-preference store both read it.
export type ColumnDef = { id: string; label: string; sort?: string; default?: boolean; kind?: "date" | "number" | "boolean" };

const context = (defaults: boolean): ColumnDef[] => [
  { id: "account", label: "Account", sort: "accountId", default: true },
  { id: "region", label: "Region", sort: "region", default: true },
  { id: "connection", label: "Connection" },
  { id: "firstSeenAt", label: "First seen", sort: "firstSeenAt", default: defaults, kind: "date" },
  { id: "lastSeenAt", label: "Last seen", sort: "lastSeenAt", default: defaults, kind: "date" },
];

export const COLUMNS: Record<InventoryType, ColumnDef[]> = {
  instances: [
    { id: "instanceId", label: "Instance ID", sort: "instanceId", default: true },
    { id: "name", label: "Name", sort: "name", default: true },
    ...context(true).slice(0, 2),
    { id: "state", label: "State", sort: "state", default: true },
    { id: "instanceType", label: "Type", sort: "instanceType", default: true },
    { id: "vcpus", label: "vCPUs", sort: "vcpus", default: true, kind: "number" },
    { id: "platform", label: "Platform" },
    { id: "platformDetails", label: "Platform details" },
    { id: "licensedProduct", label: "Licensed product", sort: "licensedProduct", default: true },
    { id: "licenceModel", label: "Licence model", sort: "licenceModel", default: true },
    { id: "tenancy", label: "Tenancy", sort: "tenancy", default: true },
    { id: "hostId", label: "Host", sort: "hostId", default: true },
    { id: "lifecycle", label: "Lifecycle" },
    { id: "availabilityZone", label: "AZ" },
    { id: "launchTime", label: "Launch time", sort: "launchTime", default: true, kind: "date" },
    ...context(true).slice(2),
  ],
  hosts: [
    { id: "hostId", label: "Host ID", sort: "hostId", default: true },
    { id: "name", label: "Name", sort: "name" },
    ...context(false).slice(0, 2),
    { id: "instanceFamily", label: "Family", sort: "instanceFamily", default: true },
    { id: "instanceType", label: "Type", sort: "instanceType", default: true },
    { id: "sockets", label: "Sockets", sort: "sockets", default: true, kind: "number" },
    { id: "cores", label: "Cores", sort: "cores", default: true, kind: "number" },
    { id: "totalVcpus", label: "vCPUs", sort: "totalVcpus", default: true, kind: "number" },
    { id: "availableVcpus", label: "Available vCPUs", kind: "number" },
    { id: "instances", label: "Instances", default: true, kind: "number" },
    { id: "state", label: "State", sort: "state", default: true },
    { id: "availabilityZone", label: "AZ" },
    ...context(false).slice(2),
  ],
  "reserved-instances": [
    { id: "reservedInstancesId", label: "Reservation ID", sort: "reservedInstancesId", default: true },
    ...context(false).slice(0, 2),
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
    ...context(false).slice(2),
  ],
  databases: [
    { id: "dbInstanceIdentifier", label: "DB identifier", sort: "dbInstanceIdentifier", default: true },
    ...context(false).slice(0, 2),
    { id: "engine", label: "Engine", sort: "engine", default: true },
    { id: "engineVersion", label: "Version", sort: "engineVersion", default: true },
    { id: "licenceModel", label: "Licence model", sort: "licenceModel", default: true },
    { id: "dbInstanceClass", label: "Class", sort: "dbInstanceClass", default: true },
    { id: "vcpus", label: "vCPUs", sort: "vcpus", default: true, kind: "number" },
    { id: "coreCount", label: "Cores", kind: "number" },
    { id: "multiAz", label: "Multi-AZ", sort: "multiAz", default: true, kind: "boolean" },
    { id: "status", label: "Status", sort: "status", default: true },
    { id: "availabilityZone", label: "AZ" },
    ...context(false).slice(2),
  ],
};

export const ALL_COLUMNS: Record<InventoryType, string[]> = Object.fromEntries(
  Object.entries(COLUMNS).map(([type, columns]) => [type, columns.map((column) => column.id)]),
) as Record<InventoryType, string[]>;

export function defaultColumns(type: InventoryType): string[] {
  return COLUMNS[type].filter((column) => column.default).map((column) => column.id);
}
