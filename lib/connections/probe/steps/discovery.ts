import { discoverAccounts } from "../../../aws/discovery";
import type { AccountTarget } from "../../../aws/targets";
import type { ProbeContext } from "../context";

const MODE_LABELS = {
  self: "Account: the caller's own",
  "role-arns": "Accounts: the listed role ARNs",
  "iam-policies": "Account discovery from the IAM user's attached policies",
  organizations: "Account discovery from AWS Organizations",
} as const;

// Finds the target accounts; each warning (inline policy, wildcard, skipped account) becomes its
// own row so the admin sees exactly what was not followed.
export async function checkDiscovery(ctx: ProbeContext): Promise<AccountTarget[] | undefined> {
  const { log, session, settings } = ctx;
  const mode = settings.accounts.mode;
  const result = await log.check(
    { id: "discovery", step: "discovery", label: MODE_LABELS[mode] },
    () => discoverAccounts(session, settings.accounts),
    (found) => ({
      ...(found.targets.length === 0
        ? {
            status: "error" as const,
            errorCode: "NoAccounts",
            message: "No account to read was found",
            hint: hintForNoAccounts(mode),
          }
        : found.warnings.length > 0
          ? { status: "warning" as const, message: `${summary(found.targets)}; ${found.warnings.length} warning(s)` }
          : { message: summary(found.targets) }),
      details: {
        accounts: found.targets.map((t) => ({
          accountId: t.accountId,
          ...(t.roleArn ? { roleArn: t.roleArn } : {}),
          ...(t.name ? { name: t.name } : {}),
        })),
        warnings: found.warnings,
      },
    }),
  );
  if (!result.ok) return undefined;
  result.value.warnings.forEach((warning, index) => {
    log.emit({
      id: `discovery:warning:${index + 1}`,
      step: "discovery",
      label: "Discovery warning",
      status: "warning",
      message: warning,
    });
  });
  return result.value.targets.length > 0 ? result.value.targets : undefined;
}

function summary(targets: AccountTarget[]): string {
  const ids = targets.map((t) => t.accountId);
  return `Found ${ids.length} account${ids.length === 1 ? "" : "s"}: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""}`;
}

function hintForNoAccounts(mode: keyof typeof MODE_LABELS): string {
  if (mode === "iam-policies")
    return "Attach a managed policy to the IAM user (or its group) that allows sts:AssumeRole on each exact member role ARN.";
  if (mode === "organizations") return "Check the chosen OUs and exclusions: no active account remained.";
  return "List at least one exact role ARN.";
}
