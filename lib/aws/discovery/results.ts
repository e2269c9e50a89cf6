import { parseRoleArn } from "../arn";
import type { Partition } from "../partitions";
import type { AccountTarget } from "../targets";

export type DiscoveryResult = { targets: AccountTarget[]; warnings: string[] };

/**
 * Exact role ARNs as targets, one per account: clients and throttling state are kept per
 * account + region, so a second role in the same account is reported and skipped.
 */
export function targetsFromRoleArns(
  roleArns: readonly string[],
  source: AccountTarget["source"],
  partition: Partition,
  warnings: string[],
): AccountTarget[] {
  const targets: AccountTarget[] = [];
  for (const raw of roleArns) {
    const arn = raw.trim();
    const parts = parseRoleArn(arn);
    if (!parts) {
      warnings.push(`${arn} is not an exact role ARN (arn:${partition}:iam::123456789012:role/Name): skipped`);
      continue;
    }
    if (parts.partition !== partition) {
      warnings.push(`${arn} is not in the ${partition} partition: skipped`);
      continue;
    }
    const existing = targets.find((t) => t.accountId === parts.accountId);
    if (existing) {
      if (existing.roleArn !== arn)
        warnings.push(
          `${arn}: account ${parts.accountId} is already read through ${existing.roleArn}; one role per account is used`,
        );
      continue;
    }
    targets.push({ accountId: parts.accountId, roleArn: arn, source });
  }
  return targets;
}

export function collect(targets: AccountTarget[], warnings: string[]): DiscoveryResult {
  return { targets, warnings: [...new Set(warnings)] };
}
