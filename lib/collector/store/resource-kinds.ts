import type { DbInstanceRow, HostRow, InstanceRow, ReservedInstanceRow, ResourceType, RowOf } from "../../resources/rows";

// How each resource type is stored: its table, its AWS id, the typed columns tables filter on,
// and the licence-relevant fields whose changes become change events.
export type ResourceKind<T extends ResourceType> = {
  type: T;
  // The table's name in both databases (the Prisma model name).
  table: "Ec2Instance" | "DedicatedHost" | "ReservedInstance" | "DbInstance";
  idField: string;
  idOf: (row: RowOf<T>) => string;
  columns: (row: RowOf<T>) => Record<string, unknown>;
  tracked: string[];
};

const date = (value: string | null) => (value ? new Date(value) : null);

const instances: ResourceKind<"ec2-instance"> = {
  type: "ec2-instance",
  table: "Ec2Instance",
  idField: "instanceId",
  idOf: (row: InstanceRow) => row.instanceId,
  columns: (row: InstanceRow) => ({
    name: row.name,
    state: row.state,
    instanceType: row.instanceType,
    vcpus: row.vcpus,
    licensedProduct: row.licensedProduct,
    licenceModel: row.licenceModel,
    platformDetails: row.platformDetails,
    usageOperation: row.usageOperation,
    tenancy: row.tenancy,
    hostId: row.hostId,
    lifecycle: row.lifecycle,
    launchTime: date(row.launchTime),
    availabilityZone: row.availabilityZone,
    imageId: row.imageId,
  }),
  tracked: ["state", "instanceType", "vcpus", "coreCount", "threadsPerCore", "licensedProduct", "licenceModel", "platformDetails", "usageOperation", "tenancy", "hostId", "imageId", "licenseConfigurationArns"],
};

const hosts: ResourceKind<"dedicated-host"> = {
  type: "dedicated-host",
  table: "DedicatedHost",
  idField: "hostId",
  idOf: (row: HostRow) => row.hostId,
  columns: (row: HostRow) => ({
    name: row.name,
    state: row.state,
    instanceFamily: row.instanceFamily,
    instanceType: row.instanceType,
    sockets: row.sockets,
    cores: row.cores,
    totalVcpus: row.totalVcpus,
    availabilityZone: row.availabilityZone,
  }),
  tracked: ["state", "sockets", "cores", "totalVcpus", "instanceFamily", "instanceType", "instances"],
};

const reservedInstances: ResourceKind<"reserved-instance"> = {
  type: "reserved-instance",
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
    startAt: date(row.start),
    endAt: date(row.end),
  }),
  tracked: ["state", "instanceType", "instanceCount", "scope", "availabilityZone", "productDescription", "instanceTenancy", "end"],
};

const dbInstances: ResourceKind<"rds-db-instance"> = {
  type: "rds-db-instance",
  table: "DbInstance",
  idField: "dbInstanceIdentifier",
  idOf: (row: DbInstanceRow) => row.dbInstanceIdentifier,
  columns: (row: DbInstanceRow) => ({
    engine: row.engine,
    engineVersion: row.engineVersion,
    licenceModel: row.licenceModel,
    dbInstanceClass: row.dbInstanceClass,
    vcpus: row.vcpus,
    status: row.status,
    multiAz: row.multiAz,
    availabilityZone: row.availabilityZone,
  }),
  tracked: ["engine", "engineVersion", "licenceModel", "licenseModel", "dbInstanceClass", "vcpus", "coreCount", "threadsPerCore", "multiAz", "status"],
};

export const RESOURCE_KINDS: { [T in ResourceType]: ResourceKind<T> } = {
  "ec2-instance": instances,
  "dedicated-host": hosts,
  "reserved-instance": reservedInstances,
  "rds-db-instance": dbInstances,
};
