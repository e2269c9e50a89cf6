import { describe, expect, it } from "vitest";
import { summarizeChecks } from "./summary";
import { apiCell } from "./test-events";
import type { CheckEvent } from "./types";

const cell = apiCell;

describe("summarizeChecks", () => {
  const events: CheckEvent[] = [
    { id: "identity", step: "identity", label: "Access key", status: "ok" },
    { id: "discovery", step: "discovery", label: "Accounts", status: "ok" },
    { id: "account:222222222222", step: "account", label: "Assume", status: "ok", accountId: "222222222222" },
    { id: "account:333333333333", step: "account", label: "Assume", status: "ok", accountId: "333333333333" },
    {
      id: "account:444444444444",
      step: "account",
      label: "Assume",
      status: "assume-role-failed",
      accountId: "444444444444",
    },
    {
      id: "api:222222222222:global:iam:ListAccountAliases",
      step: "api",
      label: "Alias",
      status: "ok",
      accountId: "222222222222",
      region: "global",
    },
    cell("222222222222", "us-east-1", "ec2:DescribeInstances", "ok"),
    cell("222222222222", "eu-west-1", "ec2:DescribeInstances", "ok"),
    cell("333333333333", "eu-west-1", "rds:DescribeDBInstances", "denied"),
    cell("333333333333", "me-south-1", "ec2:DescribeInstances", "region-not-enabled"),
    cell("333333333333", "us-east-1", "ec2:DescribeInstances", "running"),
  ];

  it("counts accounts tried and reached, regions called (not 'global'), and every check once", () => {
    const summary = summarizeChecks(events);
    expect(summary).toMatchObject({
      accounts: 3,
      accountsReached: 2,
      regions: 3,
      checks: events.length,
      passed: 7,
      notApplicable: 1,
      running: 1,
    });
    expect(summary.passed + summary.notApplicable + summary.running + summary.problems.length).toBe(summary.checks);
  });

  it("lists the problems in the order the checks started, leaving out regions not enabled", () => {
    expect(summarizeChecks(events).problems.map((event) => event.id)).toEqual([
      "account:444444444444",
      "api:333333333333:eu-west-1:rds:DescribeDBInstances",
    ]);
  });
});
