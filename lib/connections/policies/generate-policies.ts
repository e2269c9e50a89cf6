import { parseRoleArn, principalArnOf } from "../../aws/arn";
import type { AwsConnectionSettings } from "../../aws/settings";
import { memberActions } from "./actions";
import { memberRoleTemplate } from "./cloudformation";
import { allow, MFA_CONDITION, policy, trust } from "./documents";
import { finalPrincipalStatements, memberRoleArns } from "./principal-statements";
import type { ChainRolePolicies, GeneratedPolicies, PolicyOptions } from "./types";

const DEFAULT_MEMBER_ROLE = "CirrusInventoryRole";

// Least-privilege IAM documents for a connection's options: the starting principal's policy,
// each role-chain hop, the member role (permissions + trust) and a StackSet template for it.
// The principal at the end of the chain does the real work (discovery, assuming member roles);
// with no chain that is the starting principal itself.
export function generatePolicies(settings: AwsConnectionSettings, options: PolicyOptions = {}): GeneratedPolicies {
  const p = settings.partition;
  const mfa = settings.credentials.kind === "access-key" && Boolean(settings.credentials.mfaSerial);
  const notes: string[] = [];
  const startArn = options.principalArn ? principalArnOf(options.principalArn) : undefined;
  const placeholder =
    settings.credentials.kind === "ambient"
      ? `arn:${p}:iam::<ACCOUNT_ID>:role/<ROLE_NAME>`
      : `arn:${p}:iam::<ACCOUNT_ID>:user/<USER_NAME>`;
  if (!startArn)
    notes.push(
      `Run Test Connection to fill in the starting principal's ARN; until then the trust policies show ${placeholder}.`,
    );
  const chain = settings.roleChain;
  const finalArn = chain.length ? chain[chain.length - 1].roleArn : (startArn ?? placeholder);

  const members = memberRoleArns(settings, options.memberRoleArns);
  notes.push(...members.notes);
  // MFA context does not reliably survive role chaining: require it where the MFA session is used.
  const finalStatements = finalPrincipalStatements(
    settings,
    members,
    chain.length ? undefined : startArn,
    mfa && chain.length === 0,
  );

  const mfaStatement = mfa ? allow("StartMfaSession", ["sts:GetSessionToken"]) : undefined;
  const basePolicy = chain.length
    ? policy(
        allow("IdentifyCaller", ["sts:GetCallerIdentity"]),
        mfaStatement,
        allow("AssumeFirstChainRole", ["sts:AssumeRole"], chain[0].roleArn, mfa ? MFA_CONDITION : undefined),
      )
    : policy(...finalStatements, mfaStatement);
  if (mfa)
    notes.push(
      "sts:GetSessionToken is allowed without MFA (it is how the MFA session starts); everything else requires aws:MultiFactorAuthPresent.",
    );

  const chainRoles: ChainRolePolicies[] = chain.map((hop, i) => ({
    roleArn: hop.roleArn,
    permissionPolicy:
      i < chain.length - 1
        ? policy(
            allow("IdentifyCaller", ["sts:GetCallerIdentity"]),
            allow("AssumeNextChainRole", ["sts:AssumeRole"], chain[i + 1].roleArn),
          )
        : policy(...finalStatements),
    trustPolicy: trust(
      i === 0 ? (startArn ?? placeholder) : chain[i - 1].roleArn,
      hop.externalId ?? settings.externalId,
      mfa && i === 0,
    ),
  }));
  if (chain.length)
    notes.push(
      "Role sessions reached through a chain last at most 1 hour; Cirrus renews them during long collections.",
    );

  const memberPolicy = policy(allow("ReadInventory", memberActions(settings.adapter, settings.collectSoftware)));
  const requireMfaOnMembers = mfa && chain.length === 0;
  if (!settings.externalId)
    notes.push(
      "No external ID is set: member roles trust the principal without one. Generate an external ID to guard against the confused-deputy problem.",
    );
  return {
    basePolicy,
    memberPolicy,
    trustPolicy: trust(finalArn, settings.externalId, requireMfaOnMembers),
    cloudFormationTemplate: memberRoleTemplate({
      roleName: memberRoleName(settings),
      principalArn: finalArn,
      externalId: settings.externalId,
      requireMfa: requireMfaOnMembers,
      permissionPolicy: memberPolicy,
    }),
    chainRoles,
    notes,
  };
}

function memberRoleName(settings: AwsConnectionSettings): string {
  const accounts = settings.accounts;
  if (accounts.mode === "organizations") return accounts.memberRoleName || DEFAULT_MEMBER_ROLE;
  if (accounts.mode === "role-arns") {
    // Role names may carry a path ("team/Role"); RoleName takes only the last segment.
    const names = new Set(accounts.roleArns.map((arn) => parseRoleArn(arn)?.roleName.split("/").pop()).filter(Boolean));
    if (names.size === 1) return [...names][0]!;
  }
  return DEFAULT_MEMBER_ROLE;
}
