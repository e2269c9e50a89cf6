import type { AwsSession } from "../session";
import type { AccountSelection } from "../settings";
import { discoverFromIamPolicies } from "./iam-policies";
import { discoverFromOrganizations } from "./organizations";
import { collect, type DiscoveryResult, targetsFromRoleArns } from "./results";

export type { DiscoveryResult } from "./results";
export { assumableRoles, decodePolicyDocument, type AssumableRoles } from "./policy-statements";

// The accounts a connection reads, per account mode. The targets are also registered on the
// session, so session.client(..., { accountId }) knows which role reaches each account.
export async function discoverAccounts(session: AwsSession, selection: AccountSelection): Promise<DiscoveryResult> {
  const result = await discover(session, selection);
  session.addTargets(result.targets);
  return result;
}

async function discover(session: AwsSession, selection: AccountSelection): Promise<DiscoveryResult> {
  switch (selection.mode) {
    case "self": {
      const caller = await session.callerIdentity();
      return collect([{ accountId: caller.accountId, source: "self" }], []);
    }
    case "role-arns": {
      const warnings: string[] = [];
      return collect(targetsFromRoleArns(selection.roleArns, "role-arns", session.partition, warnings), warnings);
    }
    case "iam-policies":
      return discoverFromIamPolicies(session);
    case "organizations":
      return discoverFromOrganizations(session, selection);
  }
}
