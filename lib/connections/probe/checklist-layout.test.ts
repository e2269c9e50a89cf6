import { describe, expect, it } from "vitest";
import { checklistLayout } from "./checklist-layout";
import { summarizeChecks } from "./summary";
import { apiCell } from "./test-events";
import type { CheckEvent } from "./types";

const api = apiCell;
const step = (id: string, status: CheckEvent["status"], accountId?: string): CheckEvent => ({
  id,
  step: "identity",
  label: id,
  status,
  accountId,
});

describe("checklistLayout", () => {
  it("orders checks as the checklist shows them, so the problem list reads in the same order", () => {
    // Two accounts' probes finishing interleaved: B's denied cell arrives before A's.
    const events = [
      step("credentials", "ok"),
      step("role:A", "ok", "A"),
      api("A", "us-east-1", "ec2:DescribeInstances", "ok"),
      step("role:B", "ok", "B"),
      api("B", "eu-west-1", "ssm:GetInventory", "denied"),
      api("A", "eu-west-1", "ec2:DescribeInstances", "ok"),
      api("A", "eu-west-1", "rds:DescribeDBInstances", "denied"),
      api("A", "us-east-1", "rds:DescribeDBInstances", "throttled"),
      step("identity", "warning"),
    ];
    const layout = checklistLayout(events);
    expect(layout.general.map((e) => e.id)).toEqual(["credentials", "identity"]);
    expect(layout.accounts.map((a) => a.accountId)).toEqual(["A", "B"]);
    expect(layout.accounts[0].regions).toEqual(["us-east-1", "eu-west-1"]);
    expect(layout.accounts[0].actions).toEqual(["ec2:DescribeInstances", "rds:DescribeDBInstances"]);
    expect(summarizeChecks(layout.ordered).problems.map((e) => e.id)).toEqual([
      "identity",
      "api:A:us-east-1:rds:DescribeDBInstances",
      "api:A:eu-west-1:rds:DescribeDBInstances",
      "api:B:eu-west-1:ssm:GetInventory",
    ]);
    expect(new Set(layout.ordered)).toEqual(new Set(events));
  });
});
