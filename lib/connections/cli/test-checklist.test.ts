import { describe, expect, it } from "vitest";
import type { CheckEvent } from "../probe";
import { checkLine, EXIT_CODE, scheduleLine, summaryLines } from "./test-checklist";

const denied: CheckEvent = {
  id: "api:333333333333:eu-west-1:rds:DescribeDBInstances",
  step: "api",
  label: "RDS databases",
  status: "denied",
  accountId: "333333333333",
  region: "eu-west-1",
  action: "rds:DescribeDBInstances",
  errorCode: "AccessDenied",
  message: "Access denied: rds:DescribeDBInstances is not allowed.",
  hint: "Allow rds:DescribeDBInstances in the IAM policy.",
};
const events: CheckEvent[] = [
  {
    id: "identity",
    step: "identity",
    label: "Access key AKIA…TDJJ",
    status: "ok",
    message: "Signed in as arn:aws:iam::111111111111:user/c",
  },
  { id: "account:333333333333", step: "account", label: "Assume role", status: "ok", accountId: "333333333333" },
  {
    id: "api:333333333333:eu-west-1:ec2:DescribeInstances",
    step: "api",
    label: "EC2 instances",
    status: "ok",
    accountId: "333333333333",
    region: "eu-west-1",
    action: "ec2:DescribeInstances",
  },
  {
    id: "region:333333333333:me-south-1",
    step: "regions",
    label: "Region me-south-1",
    status: "region-not-enabled",
    accountId: "333333333333",
    region: "me-south-1",
  },
  denied,
];

describe("the command line's Test Connection checklist", () => {
  it("writes statuses in words, problems in capitals, with the account, region and IAM action", () => {
    expect(checkLine(events[3])).toMatch(/^not enabled +333333333333 me-south-1 +Region me-south-1$/);
    expect(checkLine(denied)).toMatch(
      /^DENIED +333333333333 eu-west-1 +RDS databases \(rds:DescribeDBInstances\): Access denied/,
    );
  });

  it("ends with the problems, their fixes, and a summary line counted like the web UI", () => {
    const lines = summaryLines("passed-with-warnings", events);
    expect(lines).toContain("Problems (1), first to fix:");
    expect(lines).toContain("    Fix: Allow rds:DescribeDBInstances in the IAM policy.");
    expect(lines.at(-1)).toBe(
      "Passed with warnings: 1 account, 1 region, 3 of 5 checks passed, 1 not applicable, 1 problem.",
    );
  });

  it("exits 0 on a pass, 2 on a pass with warnings, 1 on a failure", () => {
    expect([EXIT_CODE.passed, EXIT_CODE["passed-with-warnings"], EXIT_CODE.failed]).toEqual([0, 2, 1]);
  });

  it("says whether scheduled runs start, and when the next one is", () => {
    const now = new Date("2026-12-06T03:10:00Z");
    expect(scheduleLine({ schedule: "*/30 * * * *", enabled: true, schedulable: true, attention: null }, now)).toBe(
      "Schedule: active (*/30 * * * * UTC), next run 2026-12-06T03:30:00Z",
    );
    expect(
      scheduleLine(
        {
          schedule: "*/30 * * * *",
          enabled: true,
          schedulable: false,
          attention: "Not tested since the last edit: run Test connection",
        },
        now,
      ),
    ).toMatch(/^Schedule: not active .*Not tested/);
    expect(scheduleLine({ schedule: null, enabled: true, schedulable: false, attention: null }, now)).toMatch(
      /^Schedule: off/,
    );
  });
});
