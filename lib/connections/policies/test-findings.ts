import type { CheckEvent } from "../probe/types";
import type { PolicyOptions } from "./types";

// What a Test Connection checklist tells the policy generator: the starting principal (from
// GetCallerIdentity) and, for IAM-policy discovery, the member roles it found. Read from the
// events alone, so the wizard can fill its policies from a test of a connection not yet saved.
export function policyOptionsFromChecks(events: readonly CheckEvent[]): PolicyOptions {
  const identity = events.find((event) => event.id === "identity" && event.status === "ok");
  const principalArn = typeof identity?.details?.arn === "string" ? identity.details.arn : undefined;
  const discovery = events.find((event) => event.id === "discovery");
  const accounts = Array.isArray(discovery?.details?.accounts)
    ? (discovery.details.accounts as { roleArn?: unknown }[])
    : [];
  const memberRoleArns = accounts
    .map((account) => account.roleArn)
    .filter((arn): arn is string => typeof arn === "string");
  return { ...(principalArn ? { principalArn } : {}), ...(memberRoleArns.length ? { memberRoleArns } : {}) };
}

// A test identified the caller of these credentials at this endpoint; another key (or ambient
// provider), partition or endpoint is someone else. Discovered member roles also depend on the
// account mode. Blank values stand for the schema's defaults, as a stored config and the
// wizard's form write them differently.
export type TestedFields = Partial<
  Record<"credentialSource" | "accessKeyId" | "ambientProvider" | "partition" | "endpointUrl" | "accountMode", unknown>
>;

const text = (value: unknown, fallback = "") => String(value ?? "").trim() || fallback;

function callerOf(fields: TestedFields): string {
  const source = text(fields.credentialSource, "access-key");
  const who = source === "ambient" ? text(fields.ambientProvider, "instance-profile") : text(fields.accessKeyId);
  return [source, who, text(fields.partition, "aws"), text(fields.endpointUrl)].join("|");
}

/** What a test of `tested` found that still holds for the `current` settings. */
export function findingsStillValid(
  events: readonly CheckEvent[],
  tested: TestedFields,
  current: TestedFields,
): PolicyOptions {
  if (callerOf(tested) !== callerOf(current)) return {};
  const found = policyOptionsFromChecks(events);
  if (text(tested.accountMode, "self") === text(current.accountMode, "self")) return found;
  return found.principalArn ? { principalArn: found.principalArn } : {};
}
