// The world file format. Resource records use the AWS SDK v3 output names (PascalCase) so a
// world reads like what DescribeInstances & co. return; timestamps are ISO-8601 strings.
import type { FaultsSpec } from "../faults/types";
import type { DbInstance, Ec2Host, Ec2Image, Ec2Instance, InstanceTypeSpec, ReservedInstance } from "./resource-types";
import type { GroupSpec, ManagedPolicySpec, RoleSpec, UserSpec } from "./iam-types";

export type * from "./resource-types";
export type * from "./iam-types";
export type * from "./ssm-types";

export type Partition = "aws" | "aws-cn" | "aws-us-gov";
export type OptInStatus = "opt-in-not-required" | "opted-in" | "not-opted-in";

/** Counts of resources generated on first access from (world seed, account, region). */
export interface GenerateSpec {
  instances: number;
  hosts: number;
  reservedInstances: number;
  dbInstances: number;
  /**
   * When > 0, every running instance is an SSM managed node reporting this many applications
   * (besides its platform's own); 0 or absent: no managed nodes.
   */
  applicationsPerNode?: number;
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
  /** What DescribeInstanceTypes answers in every region; without it, the built-in catalog. */
  instanceTypes?: InstanceTypeSpec[];
  faults?: FaultsSpec;
  limits?: LimitsSpec;
}
