// The demo organization: who exists where. Everything else in the demo derives from this.
import type { OptInStatus, Partition } from "../types";

export const DEMO_MANAGEMENT = { id: "111111111111", alias: "acme-management", name: "Acme Management", env: "mgmt" };

export const DEMO_MEMBERS = [
  { id: "222222222222", alias: "acme-prod-web", name: "Acme Production Web", ou: "Production", env: "prod" },
  { id: "333333333333", alias: "acme-prod-data", name: "Acme Production Data", ou: "Production", env: "prod" },
  { id: "444444444444", alias: "acme-dev", name: "Acme Development", ou: "Development", env: "dev" },
  { id: "555555555555", alias: "acme-sandbox", name: "Acme Sandbox", ou: "Development", env: "sbx" },
] as const;

/** Regions of every demo account: 4 enabled (one of them opted in) and 1 not opted in. */
export const DEMO_REGIONS: Record<Partition, [string, OptInStatus][]> = {
  aws: [
    ["us-east-1", "opt-in-not-required"],
    ["us-west-2", "opt-in-not-required"],
    ["eu-west-1", "opt-in-not-required"],
    ["ap-east-1", "opted-in"],
    ["me-south-1", "not-opted-in"],
  ],
  // China and GovCloud have no opt-in regions: both of their regions are enabled.
  "aws-cn": [
    ["cn-north-1", "opt-in-not-required"],
    ["cn-northwest-1", "opt-in-not-required"],
  ],
  "aws-us-gov": [
    ["us-gov-west-1", "opt-in-not-required"],
    ["us-gov-east-1", "opt-in-not-required"],
  ],
};

/** The one member account + region whose inventory role lacks rds:DescribeDBInstances. */
export const DEMO_RDS_DENIED: Record<Partition, { account: string; region: string }> = {
  aws: { account: "333333333333", region: "eu-west-1" },
  "aws-cn": { account: "333333333333", region: "cn-northwest-1" },
  "aws-us-gov": { account: "333333333333", region: "us-gov-east-1" },
};

/**
 * Instances whose DescribeInstances answer lacks cpuOptions, per member account + region: their
 * vCPUs come from DescribeInstanceTypes. Two per region, so a test sees one lookup per region.
 * Cirrus's built-in table knows m6i.2xlarge only.
 */
export const DEMO_WITHOUT_CPU_OPTIONS: { account: string; region: string; types: string[] }[] = [
  { account: "444444444444", region: "us-east-1", types: ["g5.xlarge", "p4d.24xlarge"] },
  { account: "444444444444", region: "us-west-2", types: ["hpc7a.96xlarge", "mac2.metal", "m6i.2xlarge"] },
];

export const DEMO_NAMES = {
  collectorUser: "cirrus-collector",
  collectorGroup: "cirrus-collectors",
  mfaUser: "cirrus-mfa",
  memberReadOnlyUser: "cirrus-readonly-member",
  memberRole: "CirrusInventoryRole",
  hubRole: "CirrusHub",
  chainTargetRole: "CirrusChainTarget",
  chainTargetAccount: "222222222222",
  instanceRole: "CirrusInstanceRole",
  instanceProfile: "CirrusInstanceProfile",
  aggregator: "cirrus-aggregator",
};

/**
 * The one member account + region whose inventory role lacks ssm:GetInventory (its managed nodes
 * are listed by DescribeInstanceInformation, but their software cannot be read).
 */
export const DEMO_SSM_INVENTORY_DENIED: Record<Partition, { account: string; region: string }> = {
  aws: { account: "444444444444", region: "eu-west-1" },
  "aws-cn": { account: "444444444444", region: "cn-northwest-1" },
  "aws-us-gov": { account: "444444444444", region: "us-gov-east-1" },
};

/** Where the demo's licensable software and SSM edge cases live: a member account and the
 * index of the region in DEMO_REGIONS (0 and 1 exist in every partition). */
export const DEMO_SOFTWARE_CELLS = {
  /** Oracle Database 19c EE on a Linux/UNIX instance with hyper-threading on (BYOL by nature). */
  oracleEnterprise: { account: "333333333333", regionIndex: 0 },
  /** SQL Server 2019 Standard installed on a plain Windows instance (RunInstances:0002): BYOL. */
  sqlStandardByol: { account: "222222222222", regionIndex: 0 },
  /** SQL Server 2019 Developer (free) on a plain Windows instance. */
  sqlDeveloper: { account: "444444444444", regionIndex: 0 },
  /** IBM MQ 9.3 on a Linux/UNIX instance. */
  ibmMq: { account: "333333333333", regionIndex: 1 },
  /** A running instance without the SSM Agent: not a managed node. */
  noAgent: { account: "222222222222", regionIndex: 1 },
  /** A running instance whose agent lost its connection 40 days ago: old ping, old inventory. */
  staleInventory: { account: "555555555555", regionIndex: 0 },
} as const;

export type DemoSoftwareRole = keyof typeof DEMO_SOFTWARE_CELLS;
