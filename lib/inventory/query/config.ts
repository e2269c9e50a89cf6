import type { FilterKey, InventoryType } from "./types";

// Per table: the Prisma model, its resource-id column, the typed columns a row shows, which
// filters map to which column and which columns may be sorted (all indexed or small-table).
export type TypeConfig = {
  model: "ec2Instance" | "dedicatedHost" | "reservedInstance" | "dbInstance";
  idColumn: string;
  nameColumn?: string;
  columns: string[];
  // Fields read from the `data` JSON (not typed columns) and shown in the table.
  dataFields: string[];
  filters: Partial<Record<Exclude<FilterKey, "connection" | "account" | "region" | "tag">, string>>;
  sortable: string[];
  defaultSort: string;
};

const COMMON_SORT = ["accountId", "region", "firstSeenAt", "lastSeenAt"];

export const TYPE_CONFIG: Record<InventoryType, TypeConfig> = {
  instances: {
    model: "ec2Instance",
    idColumn: "instanceId",
    nameColumn: "name",
    columns: ["instanceId", "name", "state", "instanceType", "vcpus", "licensedProduct", "licenceModel", "platformDetails", "tenancy", "hostId", "lifecycle", "launchTime", "availabilityZone"],
    dataFields: ["platform", "vcpuSource"],
    filters: { state: "state", instanceType: "instanceType", licensedProduct: "licensedProduct", licenceModel: "licenceModel", tenancy: "tenancy" },
    sortable: ["instanceId", "name", "state", "instanceType", "vcpus", "licensedProduct", "licenceModel", "tenancy", "hostId", "launchTime", ...COMMON_SORT],
    defaultSort: "instanceId",
  },
  hosts: {
    model: "dedicatedHost",
    idColumn: "hostId",
    nameColumn: "name",
    columns: ["hostId", "name", "state", "instanceFamily", "instanceType", "sockets", "cores", "totalVcpus", "availabilityZone"],
    dataFields: ["instances", "availableVcpus"],
    filters: { state: "state", instanceType: "instanceType" },
    sortable: ["hostId", "name", "state", "instanceFamily", "instanceType", "sockets", "cores", "totalVcpus", ...COMMON_SORT],
    defaultSort: "hostId",
  },
  "reserved-instances": {
    model: "reservedInstance",
    idColumn: "reservedInstancesId",
    columns: ["reservedInstancesId", "instanceType", "instanceCount", "scope", "availabilityZone", "productDescription", "instanceTenancy", "state", "offeringClass", "startAt", "endAt"],
    dataFields: ["offeringType"],
    filters: { state: "state", instanceType: "instanceType", licensedProduct: "productDescription", tenancy: "instanceTenancy" },
    sortable: ["reservedInstancesId", "instanceType", "instanceCount", "scope", "productDescription", "instanceTenancy", "state", "offeringClass", "startAt", "endAt", ...COMMON_SORT],
    defaultSort: "endAt",
  },
  databases: {
    model: "dbInstance",
    idColumn: "dbInstanceIdentifier",
    columns: ["dbInstanceIdentifier", "engine", "engineVersion", "licenceModel", "dbInstanceClass", "vcpus", "multiAz", "status", "availabilityZone"],
    dataFields: ["coreCount", "threadsPerCore", "licenseModel"],
    filters: { state: "status", instanceType: "dbInstanceClass", engine: "engine", licenceModel: "licenceModel" },
    sortable: ["dbInstanceIdentifier", "engine", "engineVersion", "licenceModel", "dbInstanceClass", "vcpus", "status", "multiAz", ...COMMON_SORT],
    defaultSort: "dbInstanceIdentifier",
  },
};

export function supportedFilters(type: InventoryType): FilterKey[] {
  return ["connection", "account", "region", ...(Object.keys(TYPE_CONFIG[type].filters) as FilterKey[]), "tag"];
}
