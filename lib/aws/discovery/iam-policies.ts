import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  paginateListAttachedGroupPolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListUserPolicies,
} from "@aws-sdk/client-iam";
import { iamUserNameOf } from "../arn";
import { AwsCallError } from "../error-types";
import type { AwsSession } from "../session";
import { assumableRoles, decodePolicyDocument } from "./policy-statements";
import { collect, type DiscoveryResult, targetsFromRoleArns } from "./results";

type AttachedPolicy = { name: string; arn: string; holder: string };

// Discovery from the IAM user's own permissions, as peers do: the managed policies attached to
// the user and to its groups, and the exact role ARNs their sts:AssumeRole statements allow.
// Inline policies are listed only to say they are not followed (a peer-compatible rule that
// keeps discovery to what an admin manages centrally).
export async function discoverFromIamPolicies(session: AwsSession): Promise<DiscoveryResult> {
  const caller = await session.callerIdentity();
  const userName = iamUserNameOf(caller.arn);
  if (!userName) {
    throw new AwsCallError({
      status: "error",
      errorCode: "NotAnIamUser",
      action: "iam:ListAttachedUserPolicies",
      message: `Policy discovery reads an IAM user's policies, but the caller is ${caller.arn}`,
      hint: "Use the access keys of an IAM user (and no role chain), or choose another account mode.",
    });
  }
  const iam = session.callerClient(IAMClient);
  const call = <T>(action: string, run: () => Promise<T>) => session.call({ action, region: "global" }, run);
  const warnings: string[] = [];

  const attached: AttachedPolicy[] = [];
  await call("iam:ListAttachedUserPolicies", async () => {
    for await (const page of paginateListAttachedUserPolicies({ client: iam }, { UserName: userName })) {
      for (const p of page.AttachedPolicies ?? [])
        if (p.PolicyArn)
          attached.push({ name: p.PolicyName ?? p.PolicyArn, arn: p.PolicyArn, holder: `user ${userName}` });
    }
  });
  const groups: string[] = [];
  await call("iam:ListGroupsForUser", async () => {
    for await (const page of paginateListGroupsForUser({ client: iam }, { UserName: userName }))
      for (const g of page.Groups ?? []) if (g.GroupName) groups.push(g.GroupName);
  });
  for (const group of groups) {
    await call("iam:ListAttachedGroupPolicies", async () => {
      for await (const page of paginateListAttachedGroupPolicies({ client: iam }, { GroupName: group })) {
        for (const p of page.AttachedPolicies ?? [])
          if (p.PolicyArn)
            attached.push({ name: p.PolicyName ?? p.PolicyArn, arn: p.PolicyArn, holder: `group ${group}` });
      }
    });
  }

  warnings.push(...(await inlinePolicyWarnings(session, iam, userName, groups)));

  const allowed: string[] = [];
  const denied: string[] = [];
  const seen = new Set<string>();
  for (const policy of attached) {
    if (seen.has(policy.arn)) continue;
    seen.add(policy.arn);
    const document = await policyDocument(session, iam, policy.arn);
    const found = assumableRoles(document, policy.name);
    allowed.push(...found.roleArns);
    denied.push(...found.deniedRoleArns);
    warnings.push(...found.warnings);
  }
  for (const arn of denied)
    if (allowed.includes(arn)) warnings.push(`${arn} is allowed by one policy and denied by another: skipped`);
  const roleArns = allowed.filter((arn) => !denied.includes(arn));
  if (roleArns.length === 0)
    warnings.push(`No attached managed policy of ${userName} or its groups allows sts:AssumeRole on an exact role ARN`);
  return collect(targetsFromRoleArns(roleArns, "iam-policies", session.partition, warnings), warnings);
}

async function policyDocument(session: AwsSession, iam: IAMClient, policyArn: string): Promise<unknown> {
  const policy = await session.call({ action: "iam:GetPolicy", region: "global" }, () =>
    iam.send(new GetPolicyCommand({ PolicyArn: policyArn })),
  );
  const versionId = policy.Policy?.DefaultVersionId;
  if (!versionId) return undefined;
  const version = await session.call({ action: "iam:GetPolicyVersion", region: "global" }, () =>
    iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId })),
  );
  const document = version.PolicyVersion?.Document;
  return document ? decodePolicyDocument(document) : undefined;
}

// Listing inline policies only feeds warnings: a failure here (not allowed, not supported)
// becomes a warning too instead of stopping discovery.
async function inlinePolicyWarnings(
  session: AwsSession,
  iam: IAMClient,
  userName: string,
  groups: string[],
): Promise<string[]> {
  const warnings: string[] = [];
  const inlineWarning = (holder: string, name: string) =>
    `Inline policy ${name} of ${holder} is not followed: attach a managed policy listing the exact role ARNs instead`;
  try {
    for await (const page of paginateListUserPolicies({ client: iam }, { UserName: userName }))
      for (const name of page.PolicyNames ?? []) warnings.push(inlineWarning(`user ${userName}`, name));
  } catch (error) {
    warnings.push(
      `Could not check the inline policies of user ${userName}: ${session.classify(error, { action: "iam:ListUserPolicies", region: "global" }).message}`,
    );
  }
  for (const group of groups) {
    try {
      for await (const page of paginateListGroupPolicies({ client: iam }, { GroupName: group }))
        for (const name of page.PolicyNames ?? []) warnings.push(inlineWarning(`group ${group}`, name));
    } catch (error) {
      warnings.push(
        `Could not check the inline policies of group ${group}: ${session.classify(error, { action: "iam:ListGroupPolicies", region: "global" }).message}`,
      );
    }
  }
  return warnings;
}
