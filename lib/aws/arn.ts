import type { Partition } from "./partitions";

// ARNs Cirrus builds or reads. Role names may carry a path ("team/Role"); IAM ARNs have no
// region, so the partition prefix is the only part that differs between aws, aws-cn and
// aws-us-gov.

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/([\w+=,.@/-]{1,512})$/;
const ASSUMED_ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/[\w+=,.@-]+$/;
const IAM_USER_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):user\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/;

export type RoleArnParts = { partition: Partition; accountId: string; roleName: string };

export function roleArn(partition: Partition, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName.replace(/^\/+/, "")}`;
}

/** An exact role ARN (no wildcards), or undefined. */
export function parseRoleArn(arn: string): RoleArnParts | undefined {
  const match = ROLE_ARN.exec(arn.trim());
  if (!match) return undefined;
  return { partition: match[1] as Partition, accountId: match[2], roleName: match[3] };
}

export function hasWildcard(text: string): boolean {
  return text.includes("*") || text.includes("?");
}

/** The IAM user name behind a GetCallerIdentity ARN, or undefined for roles and others. */
export function iamUserNameOf(callerArn: string): string | undefined {
  return IAM_USER_ARN.exec(callerArn)?.[3];
}

/**
 * The IAM role ARN a trust policy must name for a caller: GetCallerIdentity reports
 * `arn:aws:sts::ACCT:assumed-role/Role/session`, but trust policies take the role ARN. The role
 * path is not part of the assumed-role ARN, so a role under a path comes back without it.
 */
export function principalArnOf(callerArn: string): string {
  const assumed = ASSUMED_ROLE_ARN.exec(callerArn);
  return assumed ? `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}` : callerArn;
}

export function accountIdOfArn(arn: string): string | undefined {
  const account = arn.split(":")[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}
