// What a failed AWS call means to the person fixing it. The statuses are shared with the Test
// Connection checklist and the collector's per-scope status.

export const AWS_ERROR_STATUSES = [
  "denied",
  "region-not-enabled",
  "throttled",
  "expired",
  "credentials",
  "assume-role-failed",
  "mfa",
  "proxy-error",
  "network-error",
  "not-found",
  "organizations-not-available",
  "error",
] as const;
export type AwsErrorStatus = (typeof AWS_ERROR_STATUSES)[number];

export type AwsErrorInfo = {
  status: AwsErrorStatus;
  /** AWS's error code (UnauthorizedOperation...), a Node code (ECONNREFUSED...) or ours. */
  errorCode: string;
  /** The IAM action that was attempted, e.g. `rds:DescribeDBInstances`. */
  action: string;
  message: string;
  hint: string;
};

export type ClassifyContext = {
  /** IAM action of the call, e.g. `ec2:DescribeHosts`, `sts:AssumeRole`. */
  action: string;
  region?: string;
  /** What DescribeRegions said about the region, when known. */
  regionEnabled?: boolean;
  /** For sts:AssumeRole: the role, and what the request carried. */
  roleArn?: string;
  externalIdSent?: boolean;
  mfaUsed?: boolean;
  /** The connection's proxy: refused connections to it are proxy errors. */
  proxy?: { host: string; port: number };
  /** Values that must never appear in a message (secret key, token, proxy password). */
  secrets?: readonly (string | undefined)[];
};

/** An AWS call that failed, already classified (thrown by lib/aws for callers to show). */
export class AwsCallError extends Error {
  override name = "AwsCallError";
  constructor(
    readonly info: AwsErrorInfo,
    options?: { cause?: unknown },
  ) {
    super(info.message, options);
  }
}

/** The connection uses an MFA device and has no live MFA session: a person must enter a code. */
export class MfaRequiredError extends Error {
  override name = "MfaRequiredError";
  constructor(readonly reason: "missing" | "expired") {
    super(
      reason === "expired"
        ? "MFA session expired: enter a code from the MFA device"
        : "This connection uses an MFA device: enter a one-time code",
    );
  }
}
