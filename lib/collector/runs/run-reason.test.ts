import { describe, expect, it } from "vitest";
import { RESOURCES } from "../../resources/registry";
import { redactScope } from "./redact-run";
import { runReason, type FailedScopeFacts } from "./run-reason";

const rdsRead = RESOURCES["rds-db-instance"].aws.read;
const denied = (
  accountId: string,
  region: string,
  message:
    | string
    | null = `User: arn:aws:sts::${accountId}:assumed-role/CirrusInventoryRole/cirrus is not authorized to perform: ${rdsRead}`,
): FailedScopeFacts & { hint: string | null } => ({
  accountId,
  region,
  resourceType: "rds-db-instance",
  errorCode: "AccessDenied",
  message,
  hint: "Allow it in the role's policy",
});

describe("a run's reason line", () => {
  it("names the denied call and the cell: '1 scope denied: rds:DescribeDBInstances in 333333333333 eu-west-1'", () => {
    expect(runReason([denied("333333333333", "eu-west-1")])).toBe(
      `1 scope denied: ${rdsRead} in 333333333333 eu-west-1`,
    );
    expect(runReason([])).toBeNull();
  });

  it("a viewer's line is built from the redacted scopes: the same words, no ARN", () => {
    const scopes = [denied("333333333333", "eu-west-1")];
    const viewers = runReason(scopes.map(redactScope))!;
    expect(viewers).toBe(runReason(scopes));
    expect(viewers).not.toMatch(/arn:aws/);
  });

  it("counts and groups: many cells of one account or one region, throttling and timeouts apart, unreachable accounts", () => {
    const regions = ["us-east-1", "us-west-2", "eu-west-1"];
    expect(runReason(regions.map((region) => denied("333333333333", region)))).toBe(
      `3 scopes denied: ${rdsRead} in 333333333333 in 3 regions`,
    );
    expect(
      runReason(["111111111111", "222222222222", "444444444444"].map((account) => denied(account, "eu-west-1"))),
    ).toBe(`3 scopes denied: ${rdsRead} in eu-west-1 in 3 accounts`);
    const throttled = {
      accountId: "222222222222",
      region: "us-east-1",
      resourceType: "ec2-instance",
      errorCode: "RequestLimitExceeded",
      message: "Request limit exceeded.",
    };
    const late = {
      ...throttled,
      region: "us-west-2",
      errorCode: "ScopeDeadlineExceeded",
      message: "The scope did not finish within 300 s.",
    };
    const account = {
      accountId: "555555555555",
      region: "global",
      resourceType: "account",
      errorCode: "AccessDenied",
      message: null,
    };
    expect(runReason([denied("333333333333", "eu-west-1"), denied("333333333333", "us-east-1"), throttled])).toBe(
      `2 scopes denied: ${rdsRead} in 333333333333 eu-west-1, 333333333333 us-east-1; 1 scope throttled: ${RESOURCES["ec2-instance"].aws.read} in 222222222222 us-east-1`,
    );
    expect(runReason([account])).toBe("1 account unreachable (AccessDenied): sts:AssumeRole into 555555555555");
    expect(runReason([throttled, late, account])).toMatch(/; 1 more failed$/);
  });
});
