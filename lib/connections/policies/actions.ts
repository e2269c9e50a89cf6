import type { Adapter } from "../../aws/settings";
import { RESOURCE_LIST } from "../../resources/registry";

// The IAM actions Cirrus needs, in one place: the policy generator grants them and Test
// Connection checks them, so the two cannot drift apart. The regional ones come from the
// resource registry, so a new type cannot ship without its permission.

const unique = (actions: string[]) => [...new Set(actions)];
const helperActions = (types: typeof RESOURCE_LIST) => types.flatMap((definition) => definition.aws.helpers);
// With software collection off, the SSM types are not collected: their actions are not asked for.
const collected = (collectSoftware: boolean) => RESOURCE_LIST.filter((d) => collectSoftware || !d.software);

const directActions = (types: typeof RESOURCE_LIST) =>
  unique([...types.map((definition) => definition.aws.read), ...helperActions(types)]);

const configActions = (types: typeof RESOURCE_LIST) =>
  unique([
    ...types
      .filter((definition) => definition.aws.configResourceType === null)
      .map((definition) => definition.aws.read),
    ...helperActions(types),
  ]);

/** Read in every enabled region of every account by the Direct adapter: each type's read, then the helpers. */
export const DIRECT_REGIONAL_ACTIONS: readonly string[] = directActions(RESOURCE_LIST);

/**
 * The Config aggregator holds the types Config records (a configResourceType in their
 * definition); the others (reserved instances) and every helper (AMI names and owners,
 * instance types' CPU defaults) come from the services themselves: these stay per region.
 */
export const CONFIG_REGIONAL_ACTIONS: readonly string[] = configActions(RESOURCE_LIST);

/** Once per account: which regions are enabled, and the account alias. */
export const ACCOUNT_ACTIONS = ["ec2:DescribeRegions", "iam:ListAccountAliases"] as const;

export const CONFIG_AGGREGATOR_ACTIONS = [
  "config:DescribeConfigurationAggregators",
  "config:SelectAggregateResourceConfig",
] as const;

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

/** The regional actions for the adapter; `collectSoftware` false leaves the SSM types' out (absent: on). */
export function regionalActions(adapter: Adapter, collectSoftware = true): readonly string[] {
  const types = collected(collectSoftware);
  return adapter.kind === "config-aggregator" ? configActions(types) : directActions(types);
}

/** Everything a member role (or a directly read account) needs, sorted for stable output. */
export function memberActions(adapter: Adapter, collectSoftware = true): string[] {
  return [...ACCOUNT_ACTIONS, ...regionalActions(adapter, collectSoftware)].sort();
}
