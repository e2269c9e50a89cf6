import type { LicenceModel } from "@/lib/resources/rows";
import type { ProductId } from "../products";
import type { Match } from "../recognition";
import type { RuleParameters } from "../rule-parameters";

export type Basis = "BYOL" | "licence included" | "free edition" | "unknown";

export type Metric = "processor licences" | "core licences" | "PVUs" | "subscriptions";

export type ResourceRef = { kind: "ec2-instance" | "dedicated-host" | "rds-db-instance"; id: string };

/** One product's licence need on one resource, with the rule and the sums that produced it. */
export type RequirementLine = {
  resource: ResourceRef;
  product: ProductId;
  productName: string;
  edition: string | null;
  metric: Metric;
  /** null when an input is missing (the flags say which): never to be read as zero. */
  quantity: number | null;
  basis: Basis;
  ruleId: string;
  /** The rule applied to this resource's figures, in one sentence, rounding stated. */
  arithmetic: string;
  /** The facts the line rests on: recognition evidence, billing code, licence model. */
  evidence: string[];
  /** What an analyst should check: a cap exceeded, an input assumed, a right to confirm. */
  flags: string[];
};

export type CpuInput = {
  vcpus: number | null;
  cores?: number | null;
  threadsPerCore?: number | null;
  /** SSM AWS:InstanceDetailedInformation CPUHyperThreadEnabled, seen from the OS: wins over threadsPerCore. */
  hyperThreadEnabled?: boolean | null;
};

export type Ec2InstanceInput = CpuInput & {
  id: string;
  platform?: string | null;
  platformDetails?: string | null;
  usageOperation?: string | null;
  /** Placement.Tenancy: default, dedicated or host. */
  tenancy?: string | null;
  hostId?: string | null;
  /** What recognition found on the instance (empty when SSM reported nothing). */
  products: readonly Match[];
};

export type DedicatedHostInput = { id: string; sockets: number | null; cores: number | null };

export type RdsDbInstanceInput = CpuInput & {
  id: string;
  engine: string | null;
  licenceModel: LicenceModel;
  multiAz?: boolean | null;
};

export type EngineOptions = {
  params?: RuleParameters;
  /** Dedicated hosts whose physical cores the admin licenses for SQL Server instead of each instance's vCPUs. */
  sqlServerByHostCores?: Iterable<string>;
};
