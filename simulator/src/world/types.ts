// The world file format. Resource records use the AWS SDK v3 output names (PascalCase) so a
// world reads like what DescribeInstances & co. return; timestamps are ISO-8601 strings.
import type { FaultsSpec } from "../faults/types";

export type Partition = "aws" | "aws-cn" | "aws-us-gov";
export type OptInStatus = "opt-in-not-required" | "opted-in" | "not-opted-in";

export interface Tag {
  Key: string;
  Value: string;
}

export type InstanceStateName = "pending" | "running" | "shutting-down" | "terminated" | "stopping" | "stopped";

export interface Ec2Instance {
  InstanceId: string;
  /** Instances launched together share a reservation (DescribeInstances groups by it). */
  ReservationId: string;
  InstanceType: string;
  ImageId: string;
  State: { Code: number; Name: InstanceStateName };
  StateTransitionReason?: string;
  LaunchTime: string;
  Placement: { AvailabilityZone: string; Tenancy: "default" | "dedicated" | "host"; HostId?: string; Affinity?: string };
  Platform?: "windows";
  PlatformDetails: string;
  UsageOperation: string;
  UsageOperationUpdateTime?: string;
  InstanceLifecycle?: "spot" | "capacity-block";
  SpotInstanceRequestId?: string;
  CpuOptions: { CoreCount: number; ThreadsPerCore: number };
  Architecture: "x86_64" | "arm64";
  VpcId: string;
  SubnetId: string;
  PrivateIpAddress: string;
  PrivateDnsName: string;
  PublicIpAddress?: string;
  PublicDnsName?: string;
  IamInstanceProfile?: { Arn: string; Id: string };
  Licenses?: { LicenseConfigurationArn: string }[];
  KeyName?: string;
  Tags: Tag[];
}

export interface Ec2Host {
  HostId: string;
  /** available | under-assessment | permanent-failure | released | released-permanent-failure | pending */
  State: string;
  AvailabilityZone: string;
  HostProperties: { Sockets: number; Cores: number; TotalVCpus: number; InstanceType?: string; InstanceFamily?: string };
  AllocationTime: string;
  ReleaseTime?: string;
  AutoPlacement: "on" | "off";
  HostRecovery: "on" | "off";
  AllowsMultipleInstanceTypes: "on" | "off";
  HostReservationId?: string;
  Tags: Tag[];
  // Instances[] and AvailableCapacity are derived from the instances placed on the host.
}

export interface ReservedInstance {
  ReservedInstancesId: string;
  InstanceType: string;
  InstanceCount: number;
  Scope: "Region" | "Availability Zone";
  AvailabilityZone?: string;
  InstanceTenancy: "default" | "dedicated";
  ProductDescription: string;
  Start: string;
  End: string;
  Duration: number;
  State: "payment-pending" | "active" | "payment-failed" | "retired" | "queued" | "queued-deleted";
  OfferingClass: "standard" | "convertible";
  OfferingType: "Heavy Utilization" | "Medium Utilization" | "Light Utilization" | "No Upfront" | "Partial Upfront" | "All Upfront";
  FixedPrice: number;
  UsagePrice: number;
  CurrencyCode: "USD";
  RecurringCharges: { Frequency: "Hourly"; Amount: number }[];
  Tags: Tag[];
}

export interface Ec2Image {
  ImageId: string;
  Name: string;
  Description?: string;
  OwnerId: string;
  ImageOwnerAlias?: string;
  State: "available" | "pending" | "deregistered" | "failed";
  Public: boolean;
  Platform?: "windows";
  PlatformDetails: string;
  UsageOperation: string;
  Architecture: "x86_64" | "arm64";
  CreationDate: string;
  ImageType: "machine";
  RootDeviceType: "ebs";
  VirtualizationType: "hvm";
  ProductCodes?: { ProductCodeId: string; ProductCodeType: "marketplace" | "devpay" }[];
  Tags?: Tag[];
}

export interface DbInstance {
  DBInstanceIdentifier: string;
  DBInstanceArn: string;
  DbiResourceId: string;
  DBInstanceClass: string;
  Engine: string;
  EngineVersion: string;
  DBInstanceStatus: string;
  LicenseModel: string;
  MultiAZ: boolean;
  AvailabilityZone: string;
  SecondaryAvailabilityZone?: string;
  StorageType: string;
  AllocatedStorage: number;
  InstanceCreateTime: string;
  Endpoint: { Address: string; Port: number; HostedZoneId: string };
  ProcessorFeatures?: { Name: "coreCount" | "threadsPerCore"; Value: string }[];
  ReadReplicaSourceDBInstanceIdentifier?: string;
  ReadReplicaDBInstanceIdentifiers: string[];
  ReplicaMode?: "open-read-only" | "mounted";
  OptionGroupMemberships: { OptionGroupName: string; Status: string }[];
  DBClusterIdentifier?: string;
  TagList: Tag[];
}

/** Counts of resources generated on first access from (world seed, account, region). */
export interface GenerateSpec {
  instances: number;
  hosts: number;
  reservedInstances: number;
  dbInstances: number;
}

export interface RegionSpec {
  name: string;
  optIn: OptInStatus;
  instances?: Ec2Instance[];
  hosts?: Ec2Host[];
  reservedInstances?: ReservedInstance[];
  images?: Ec2Image[];
  dbInstances?: DbInstance[];
  /** Lazily generated resources, added after the explicit ones. */
  generate?: GenerateSpec;
}

export interface AccountSpec {
  id: string;
  name: string;
  email: string;
  alias?: string;
  /** Root or OU id when the account belongs to the world's organization. */
  parentId?: string;
  joinedMethod?: "INVITED" | "CREATED";
  joinedTimestamp?: string;
  state?: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";
  /** The regions that exist for this account; any other region answers like a disabled one. */
  regions: RegionSpec[];
}

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: "*" | { AWS?: string | string[]; Service?: string | string[] };
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface PolicyDocument {
  Version: "2012-10-17" | "2008-10-17";
  Statement: PolicyStatement | PolicyStatement[];
}

export interface InlinePolicy {
  name: string;
  document: PolicyDocument;
}

export interface ManagedPolicySpec {
  arn: string;
  name: string;
  path?: string;
  policyId: string;
  description?: string;
  createDate: string;
  /** Versions newest last; the default one is `defaultVersionId`. */
  versions: { versionId: string; document: PolicyDocument; createDate: string }[];
  defaultVersionId: string;
}

export interface AccessKeySpec {
  accessKeyId: string;
  secretAccessKey: string;
  status?: "Active" | "Inactive";
}

export interface MfaDeviceSpec {
  serialNumber: string;
  /** RFC 4648 base32 TOTP secret (RFC 6238: 30 s step, 6 digits, SHA-1). */
  secretBase32: string;
}

export interface UserSpec {
  account: string;
  name: string;
  path?: string;
  userId: string;
  createDate: string;
  accessKeys: AccessKeySpec[];
  groups: string[];
  attachedPolicies: string[];
  inlinePolicies: InlinePolicy[];
  mfaDevices?: MfaDeviceSpec[];
  /** Free text: what the principal is for (shown in docs and --credentials-out). */
  purpose?: string;
}

export interface GroupSpec {
  account: string;
  name: string;
  path?: string;
  groupId: string;
  createDate: string;
  attachedPolicies: string[];
  inlinePolicies: InlinePolicy[];
}

export interface RoleSpec {
  account: string;
  name: string;
  path?: string;
  roleId: string;
  createDate: string;
  maxSessionDuration: number;
  trustPolicy: PolicyDocument;
  attachedPolicies: string[];
  inlinePolicies: InlinePolicy[];
  /** `member-inventory` roles are listed under `roles` in --credentials-out. */
  purpose?: string;
}

export interface OrganizationSpec {
  id: string;
  managementAccountId: string;
  featureSet: "ALL" | "CONSOLIDATED_BILLING";
  root: { id: string; name: string };
  organizationalUnits: { id: string; name: string; parentId: string }[];
}

export interface AggregatorSpec {
  name: string;
  account: string;
  region: string;
  arn: string;
  /** Organization-wide source (every account of the organization) or explicit accounts. */
  source: { organization: true; roleArn: string } | { accountIds: string[] };
  allAwsRegions: boolean;
  regions?: string[];
  creationTime: string;
}

export interface InstanceProfileSpec {
  roleName: string;
  accountId: string;
  region: string;
  availabilityZone: string;
  instanceId: string;
  instanceType: string;
  imageId: string;
  privateIp: string;
}

export interface LimitsSpec {
  /** Largest page any paginated API returns, whatever MaxResults asks for. */
  maxPageSize?: number;
}

export interface WorldSpec {
  format: "cirrus-simulator-world/1";
  name: string;
  description?: string;
  seed: number;
  partition: Partition;
  accounts: AccountSpec[];
  organization?: OrganizationSpec;
  iam: { users: UserSpec[]; groups: GroupSpec[]; roles: RoleSpec[]; policies: ManagedPolicySpec[] };
  aggregators: AggregatorSpec[];
  instanceProfile?: InstanceProfileSpec;
  faults?: FaultsSpec;
  limits?: LimitsSpec;
}
