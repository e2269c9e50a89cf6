import type { AwsErrorStatus } from "../../aws/error-types";
import type { TemporaryCredentials } from "../../aws/settings";

// The Test Connection checklist. Each check is emitted as "running" and again, with the same
// id, with its final status; the UI replaces a row by id. Plain data (JSON-safe apart from
// the report's dates), never any secret.

export type CheckStep = "mfa" | "identity" | "chain" | "discovery" | "account" | "regions" | "api" | "aggregator";

export type CheckStatus = "running" | "ok" | "warning" | "skipped" | AwsErrorStatus;

export type CheckEvent = {
  /** Stable key, e.g. `api:333333333333:eu-west-1:rds:DescribeDBInstances`. */
  id: string;
  step: CheckStep;
  label: string;
  status: CheckStatus;
  accountId?: string;
  region?: string;
  /** The IAM action checked, e.g. `ec2:DescribeHosts`. */
  action?: string;
  /** AWS's error code (UnauthorizedOperation, AccessDenied...) or a network/proxy code. */
  errorCode?: string;
  message?: string;
  hint?: string;
  details?: Record<string, unknown>;
};

export type ConnectionTestOutcome = "passed" | "passed-with-warnings" | "failed";

export type ConnectionTestReport = {
  outcome: ConnectionTestOutcome;
  startedAt: Date;
  finishedAt: Date;
  /** Final state of every check, in the order they started. */
  events: CheckEvent[];
  /** The starting identity (GetCallerIdentity), and the principal after the role chain. */
  callerArn?: string;
  effectiveArn?: string;
  accounts: { accountId: string; name?: string; ok: boolean }[];
  /** A new MFA session obtained with the code: for the caller to store encrypted. Never in events. */
  mfaSession?: TemporaryCredentials;
};

export type ConnectionTestOptions = {
  mfaCode?: string;
  mfaSessionDurationSeconds?: number;
  signal?: AbortSignal;
  onEvent?: (event: CheckEvent) => void;
  /** Whole-test deadline (default 60 s): checks still running then end as timed out. */
  deadlineMs?: number;
  /** Per-HTTP-request timeout (default 10 s). */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  /** SDK attempts per call (default 2: one retry for throttling or a transient failure). */
  maxAttempts?: number;
  /** Regions checked at once in one account (default 4). */
  regionConcurrency?: number;
};
