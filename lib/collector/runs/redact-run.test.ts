import { describe, expect, it } from "vitest";
import type { RunDetail } from "./read-runs";
import { REDACTED_RUN_ERROR, redactRunDetail, redactRunSummary } from "./redact-run";

const ARN = "arn:aws:iam::111122223333:role/CirrusInventoryRole";
const run: RunDetail = {
  id: "r1",
  connectionId: "c1",
  connectionName: "Prod",
  trigger: "manual",
  status: "failed",
  skippedReason: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  startedAt: null,
  finishedAt: null,
  scopesPlanned: 1,
  scopesDone: 0,
  scopesFailed: 1,
  items: 0,
  requests: 1,
  throttles: 0,
  reason: null,
  errorMessage: `AccessDenied: User: arn:aws:iam::111122223333:user/cirrus is not authorized to perform: sts:AssumeRole on resource: ${ARN}`,
  notes: [`Assumed ${ARN}`],
  collectorVersion: "1",
  heartbeatAt: null,
  scopes: [
    {
      id: "s1",
      accountId: "111122223333",
      region: "us-east-1",
      resourceType: "instances",
      status: "failed",
      items: 0,
      pages: 0,
      requests: 1,
      durationMs: 5,
      errorCode: "AccessDenied",
      message: ARN,
      hint: `Allow ${ARN}`,
    },
  ],
  progressByAccount: [
    {
      accountId: "111122223333",
      total: 1,
      done: 0,
      failed: 1,
      skipped: 0,
      running: 0,
      workerCount: 1,
      workers: [{ host: "collector-7.internal", pid: 4242, alive: true, jobs: 1 }],
      handedOver: 1,
    },
  ],
};

describe("run redaction for viewers", () => {
  it("a viewer's run summary carries no ARN from a failed run's message", () => {
    const redacted = redactRunSummary(run);
    expect(redacted.errorMessage).toBe(REDACTED_RUN_ERROR);
    expect(JSON.stringify(redactRunDetail(run))).not.toContain("arn:aws");
    expect(redactRunDetail(run).scopes[0].errorCode).toBe("AccessDenied");
    expect(redactRunSummary({ ...run, errorMessage: null }).errorMessage).toBeNull();
  });

  it("a viewer sees how many workers run an account's jobs and what was handed over, not which hosts", () => {
    const [account] = redactRunDetail(run).progressByAccount;
    expect(account.workers).toEqual([]);
    expect(account).toMatchObject({ workerCount: 1, handedOver: 1, failed: 1, total: 1 });
    expect(JSON.stringify(redactRunDetail(run))).not.toContain("collector-7");
  });
});
