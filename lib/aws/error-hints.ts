import type { ClassifyContext } from "./error-types";

// Hints say what to change, in the admin's terms. AWS deliberately gives one answer
// (AccessDenied) for every AssumeRole refusal, so the hint lists what is plausible given what
// Cirrus sent.

export function assumeRoleHint(ctx: ClassifyContext): string {
  const role = ctx.roleArn ?? "the role";
  const causes = [
    `the trust policy of ${role} does not trust the calling principal (or the role does not exist)`,
    ctx.externalIdSent === false
      ? "the trust policy requires an external ID (sts:ExternalId condition) but this connection sends none"
      : "the external ID Cirrus sent does not match the sts:ExternalId condition of the trust policy (copy the connection's external ID into it)",
  ];
  if (!ctx.mfaUsed)
    causes.push("the trust policy requires MFA (aws:MultiFactorAuthPresent): add the MFA device to the connection");
  causes.push("the caller's own permissions lack sts:AssumeRole on this role ARN");
  return `Likely causes: ${causes.map((c, i) => `(${i + 1}) ${c}`).join("; ")}.`;
}

export function deniedHint(action: string, region?: string): string {
  const where = region && region !== "global" ? ` in ${region}` : "";
  return `Allow ${action} in the IAM policy of the role or user Cirrus uses${where}; the generated policy lists every action Cirrus needs.`;
}

export const HINTS = {
  credentials:
    "Check the access key ID and secret access key (a wrong key or secret, a deleted or inactive key, a session token that does not belong to the key), or the server clock (more than 15 minutes of skew breaks signatures).",
  ambient:
    "Cirrus could not obtain ambient credentials. On EC2, attach an instance profile and allow IMDSv2 (hop limit 2 in containers); on ECS/EKS, give the task or pod a role; for the environment, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
  expired:
    "The temporary credentials have expired: enter a fresh session token or MFA code (if this repeats with fresh credentials, check the server clock).",
  mfa: "The one-time code was rejected: enter the current 6-digit code from the MFA device (codes change every 30 seconds) and check that the MFA device serial belongs to this IAM user.",
  mfaRequired: "Enter the current one-time code from the MFA device to start a new MFA session.",
  throttled:
    "AWS is rate-limiting these calls; Cirrus retries with backoff. Lower the connection's concurrency if this persists.",
  regionNotEnabled:
    "The region is not enabled (opted in) for this account; enable it in the account settings to collect it, or leave it out.",
  proxyAuth: "The proxy refused the credentials (HTTP 407): check the proxy username and password.",
  proxy:
    "Cirrus could not get through the proxy: check the proxy address and port, and that the proxy allows CONNECT to AWS endpoints on port 443.",
  network:
    "Cirrus could not reach the AWS endpoint: check DNS, firewall rules, the proxy setting and the custom endpoint URL, if any.",
  timeout: "The call did not finish in time: check the network path (proxy, firewall) to the AWS endpoint.",
  organizations:
    "Organizations can only be read from the management account or a delegated administrator: use credentials (or a role) in that account, or choose another account mode.",
  notFound: "The named resource does not exist in this account and region: check the name and region.",
  serverError: "AWS answered with a server error; this is usually temporary and retried.",
  unknown: "An unexpected error: see the error code and message.",
};
