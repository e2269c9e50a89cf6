import { parseRoleArn } from "../../aws/arn";
import type { AwsConnectionSettings } from "../../aws/settings";
import {
  CONFIG_AGGREGATOR_ACTIONS,
  IAM_DISCOVERY_ACTIONS,
  memberActions,
  ORGANIZATIONS_DISCOVERY_ACTIONS,
} from "./actions";
import { allow, MFA_CONDITION } from "./documents";
import type { PolicyStatement } from "./types";

export type MemberRoles = { arns: string[]; notes: string[] };

/** The member role ARNs the final principal assumes, per account mode. */
export function memberRoleArns(settings: AwsConnectionSettings, discovered: string[] | undefined): MemberRoles {
  const p = settings.partition;
  const accounts = settings.accounts;
  switch (accounts.mode) {
    case "self":
      return { arns: [], notes: [] };
    case "role-arns":
      return { arns: [...new Set(accounts.roleArns)], notes: [] };
    case "iam-policies":
      if (discovered?.length) return { arns: [...new Set(discovered)], notes: [] };
      return {
        arns: [`arn:${p}:iam::<MEMBER_ACCOUNT_ID>:role/<MEMBER_ROLE_NAME>`],
        notes: [
          "IAM-policy discovery reads this very statement: replace the placeholder with one exact role ARN per member account (wildcards are reported, not followed).",
        ],
      };
    case "organizations":
      return {
        arns: [`arn:${p}:iam::*:role/${accounts.memberRoleName}`],
        notes: [
          `Organizations mode finds accounts at run time, so sts:AssumeRole names the member role in any account (arn:${p}:iam::*:role/${accounts.memberRoleName}); each member role's trust policy (principal and external ID) is what limits who gets in.`,
        ],
      };
  }
}

// What the principal at the end of the chain does: assume member roles, discover accounts,
// query the Config aggregator, and read its own account when that account is a target.
export function finalPrincipalStatements(
  settings: AwsConnectionSettings,
  members: MemberRoles,
  principalArn: string | undefined,
  mfaOnStatements: boolean,
): PolicyStatement[] {
  const condition = mfaOnStatements ? MFA_CONDITION : undefined;
  const mode = settings.accounts.mode;
  const statements: PolicyStatement[] = [allow("IdentifyCaller", ["sts:GetCallerIdentity"])];
  if (members.arns.length) statements.push(allow("AssumeMemberRoles", ["sts:AssumeRole"], members.arns, condition));
  if (mode === "iam-policies") statements.push(...iamDiscovery(settings, principalArn, condition));
  if (mode === "organizations")
    statements.push(allow("DiscoverOrganizationAccounts", ORGANIZATIONS_DISCOVERY_ACTIONS, "*", condition));
  if (settings.adapter.kind === "config-aggregator")
    statements.push(allow("QueryConfigAggregator", CONFIG_AGGREGATOR_ACTIONS, "*", condition));
  // "self" reads the caller's account directly, and in Organizations mode the management
  // account (where the caller lives) is read without a role.
  if (mode === "self" || mode === "organizations")
    statements.push(
      allow("ReadOwnAccountInventory", memberActions(settings.adapter, settings.collectSoftware), "*", condition),
    );
  return statements;
}

// Scoped to the user's own ARN, its groups and policies when the user is known.
function iamDiscovery(
  settings: AwsConnectionSettings,
  principalArn: string | undefined,
  condition: typeof MFA_CONDITION | undefined,
): PolicyStatement[] {
  const user = principalArn && /^arn:[\w-]+:iam::(\d{12}):user\//.exec(principalArn);
  if (!user || parseRoleArn(principalArn!))
    return [allow("DiscoverRolesFromOwnPolicies", IAM_DISCOVERY_ACTIONS, "*", condition)];
  const p = settings.partition;
  const account = user[1];
  return [
    allow(
      "ReadOwnUserPolicies",
      ["iam:GetUser", "iam:ListAttachedUserPolicies", "iam:ListGroupsForUser", "iam:ListUserPolicies"],
      principalArn!,
      condition,
    ),
    allow(
      "ReadOwnGroupPolicies",
      ["iam:ListAttachedGroupPolicies", "iam:ListGroupPolicies"],
      `arn:${p}:iam::${account}:group/*`,
      condition,
    ),
    allow(
      "ReadPolicyDocuments",
      ["iam:GetPolicy", "iam:GetPolicyVersion"],
      [`arn:${p}:iam::${account}:policy/*`, `arn:${p}:iam::aws:policy/*`],
      condition,
    ),
  ];
}
