import type { CheckEvent } from "../probe/types";
import type { PolicyOptions } from "./types";

// What a Test Connection checklist tells the policy generator: the starting principal (from
// GetCallerIdentity) and, for IAM-policy discovery, the member roles it found. Read from the
// events alone, so the wizard can fill its policies from a test of a connection not yet saved.
export function policyOptionsFromChecks(events: readonly CheckEvent[]): PolicyOptions {
  const identity = events.find((event) => event.id === "identity" && event.status === "ok");
  const principalArn = typeof identity?.details?.arn === "string" ? identity.details.arn : undefined;
  const discovery = events.find((event) => event.id === "discovery");
  const accounts = Array.isArray(discovery?.details?.accounts) ? (discovery.details.accounts as { roleArn?: unknown }[]) : [];
  const memberRoleArns = accounts.map((account) => account.roleArn).filter((arn): arn is string => typeof arn === "string");
  return { ...(principalArn ? { principalArn } : {}), ...(memberRoleArns.length ? { memberRoleArns } : {}) };
}
