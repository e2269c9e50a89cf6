// What the fetchers yield and the store reconciles: one plain row per AWS resource, already
// mapped to the licence-relevant fields (PRODUCT.md "Fields that matter"). `raw` keeps the
// API's own JSON for the detail drawer; dates are ISO strings; absent values are null.

export const RESOURCE_TYPES = ["ec2-instance", "dedicated-host", "reserved-instance", "rds-db-instance"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type Tags = Record<string, string>;

// "license-included": paid through AWS; "byol": consumes the customer's entitlements;
// "none": no licensed product (e.g. Linux); "unknown": AWS did not say.
export type LicenceModel = "license-included" | "byol" | "none" | "unknown";

export type VcpuSource = "cpu-options" | "instance-types" | "built-in";

export type InstanceRow = {
  instanceId: string;
  ownerId: string | null;
  availabilityZone: string | null;
  name: string | null;
  state: string | null;
  stateTransitionReason: string | null;
  launchTime: string | null;
  lifecycle: string; // "on-demand" | "spot" | "scheduled" | "capacity-block"
  instanceType: string | null;
  coreCount: number | null;
  threadsPerCore: number | null;
  vcpus: number | null; // coreCount x threadsPerCore
  // Where the topology came from: the instance's own CpuOptions, EC2 DescribeInstanceTypes (the
  // type's defaults), Cirrus's built-in table (that call denied or failed), or nowhere (null).
  vcpuSource: VcpuSource | null;
  platform: string | null; // AWS Platform ("windows") or null
  platformDetails: string | null;
  usageOperation: string | null;
  // Decoded from UsageOperation / PlatformDetails: "Windows", "SQL Server Enterprise", "RHEL", "Linux/UNIX"...
  licensedProduct: string;
  licenceModel: LicenceModel;
  imageId: string | null;
  imageName: string | null;
  imageOwnerId: string | null;
  imageProductCodes: string[];
  licenseConfigurationArns: string[];
  tenancy: string | null;
  hostId: string | null;
  affinity: string | null;
  privateIpAddress: string | null;
  privateDnsName: string | null;
  publicIpAddress: string | null;
  vpcId: string | null;
  subnetId: string | null;
  iamInstanceProfileArn: string | null;
  tags: Tags;
  raw: unknown;
};

export type HostRow = {
  hostId: string;
  ownerId: string | null;
  availabilityZone: string | null;
  state: string | null;
  sockets: number | null;
  cores: number | null;
  totalVcpus: number | null;
  instanceType: string | null;
  instanceFamily: string | null;
  instances: { instanceId: string; instanceType: string | null; ownerId: string | null }[];
  availableVcpus: number | null;
  allocationTime: string | null;
  releaseTime: string | null;
  autoPlacement: string | null;
  hostRecovery: string | null;
  hostReservationId: string | null;
  name: string | null;
  tags: Tags;
  raw: unknown;
};

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

export type DbInstanceRow = {
  dbInstanceIdentifier: string;
  dbInstanceArn: string | null;
  dbiResourceId: string | null;
  engine: string | null;
  engineVersion: string | null;
  // Normalised from LicenseModel: "bring-your-own-license" -> "byol", "license-included" -> same,
  // "general-public-license" / "postgresql-license" -> "none".
  licenceModel: LicenceModel;
  licenseModel: string | null; // AWS's own value
  dbInstanceClass: string | null;
  coreCount: number | null; // ProcessorFeatures coreCount, else the class's default
  threadsPerCore: number | null;
  vcpus: number | null;
  status: string | null;
  instanceCreateTime: string | null;
  multiAz: boolean | null;
  availabilityZone: string | null;
  secondaryAvailabilityZone: string | null;
  readReplicaSourceDbInstanceIdentifier: string | null;
  readReplicaDbInstanceIdentifiers: string[];
  replicaMode: string | null;
  optionGroups: string[];
  dbClusterIdentifier: string | null;
  storageType: string | null;
  allocatedStorageGb: number | null;
  endpointAddress: string | null;
  endpointPort: number | null;
  tags: Tags;
  raw: unknown;
};

export type RowOf<T extends ResourceType> = T extends "ec2-instance"
  ? InstanceRow
  : T extends "dedicated-host"
    ? HostRow
    : T extends "reserved-instance"
      ? ReservedInstanceRow
      : DbInstanceRow;

// One page of a scope's listing: the store accumulates pages and reconciles only once the
// whole scope was read (no false removal after a partial listing).
export type FetchedPage<T extends ResourceType> = { rows: RowOf<T>[]; requests: number };

export type ScopeKey = { accountId: string; region: string; resourceType: ResourceType };
