import type { Adapter } from "../../aws/settings";

// The IAM actions Cirrus needs, in one place: the policy generator grants them and Test
// Connection checks them, so the two cannot drift apart.

/** Read in every enabled region of every account by the Direct adapter. */
export const DIRECT_REGIONAL_ACTIONS = [
  "ec2:DescribeInstances",
  "ec2:DescribeHosts",
  "ec2:DescribeReservedInstances",
  "ec2:DescribeImages",
  // CPU defaults of instance types, for instances whose CpuOptions AWS does not report.
  "ec2:DescribeInstanceTypes",
  "rds:DescribeDBInstances",
] as const;

/**
 * The Config aggregator holds instances, hosts and DB instances, but Config does not record
 * reserved instances, and AMI names/owners and instance types' CPU defaults come from EC2
 * itself: these stay per region.
 */
export const CONFIG_REGIONAL_ACTIONS = ["ec2:DescribeReservedInstances", "ec2:DescribeImages", "ec2:DescribeInstanceTypes"] as const;

/** Once per account: which regions are enabled, and the account alias. */
export const ACCOUNT_ACTIONS = ["ec2:DescribeRegions", "iam:ListAccountAliases"] as const;

export const CONFIG_AGGREGATOR_ACTIONS = ["config:DescribeConfigurationAggregators", "config:SelectAggregateResourceConfig"] as const;

export const IAM_DISCOVERY_ACTIONS = [
  "iam:GetUser",
  "iam:ListAttachedUserPolicies",
  "iam:ListGroupsForUser",
  "iam:ListAttachedGroupPolicies",
  "iam:GetPolicy",
  "iam:GetPolicyVersion",
  "iam:ListUserPolicies",
  "iam:ListGroupPolicies",
] as const;

export const ORGANIZATIONS_DISCOVERY_ACTIONS = [
  "organizations:ListRoots",
  "organizations:ListAccounts",
  "organizations:ListAccountsForParent",
  "organizations:ListOrganizationalUnitsForParent",
] as const;

export function regionalActions(adapter: Adapter): readonly string[] {
  return adapter.kind === "config-aggregator" ? CONFIG_REGIONAL_ACTIONS : DIRECT_REGIONAL_ACTIONS;
}

/** Everything a member role (or a directly read account) needs, sorted for stable output. */
export function memberActions(adapter: Adapter): string[] {
  return [...ACCOUNT_ACTIONS, ...regionalActions(adapter)].sort();
}
