import { describe, expect, it } from "vitest";
import { combineCell, connectionScope, deniedAction, summarise, type ConnectionScopeFacts } from "./classify";

const at = (iso: string) => new Date(iso);
const cell = {
  accountId: "333333333333",
  accountAlias: null,
  region: "eu-west-1",
  resourceType: "rds-db-instance" as const,
};
const facts = (overrides: Partial<ConnectionScopeFacts>): ConnectionScopeFacts => ({
  connectionId: "c1",
  connectionName: "one",
  resourceType: "rds-db-instance",
  state: null,
  failureMessage: null,
  exclusion: null,
  runFailure: null,
  ...overrides,
});
const denied = facts({
  state: { lastSuccessAt: null, lastAttemptAt: at("2026-01-02T00:00:00Z"), stale: true, lastErrorCode: "AccessDenied" },
  failureMessage:
    "Access denied: rds:DescribeDBInstances is not allowed. User: arn:aws:sts::333333333333:assumed-role/R/s",
});
const collected = facts({
  connectionId: "c2",
  connectionName: "two",
  state: {
    lastSuccessAt: at("2026-01-03T00:00:00Z"),
    lastAttemptAt: at("2026-01-03T00:00:00Z"),
    stale: false,
    lastErrorCode: null,
  },
});

describe("coverage classification", () => {
  it("a denied scope names the denied action, not the role ARN in AWS's text", () => {
    expect(connectionScope(denied)).toMatchObject({
      status: "denied",
      errorCode: "AccessDenied",
      action: "rds:DescribeDBInstances",
      lastSuccessAt: null,
    });
    expect(
      deniedAction("Could not assume arn:aws:iam::111111111111:role/X: AWS denied sts:AssumeRole", "ec2-instance"),
    ).toBe("sts:AssumeRole");
    expect(deniedAction(null, "dedicated-host")).toBe("ec2:DescribeHosts");
  });

  it("a scope is current when ANY connection covering it read it, whatever the others", () => {
    const combined = combineCell(cell, [connectionScope(denied), connectionScope(collected)]);
    expect(combined.status).toBe("collected");
    expect(summarise([combined])).toEqual({ complete: true, gaps: [], excluded: [] });
  });

  it("a stale scope keeps its last success as 'since'; a newer failed run makes a collected scope stale", () => {
    const stale = connectionScope(
      facts({
        state: {
          lastSuccessAt: at("2026-01-01T00:00:00Z"),
          lastAttemptAt: at("2026-01-02T00:00:00Z"),
          stale: true,
          lastErrorCode: "Throttling",
        },
      }),
    );
    expect(stale).toMatchObject({
      status: "stale",
      errorCode: "Throttling",
      lastSuccessAt: "2026-01-01T00:00:00.000Z",
    });
    const afterFailedRun = connectionScope({
      ...collected,
      runFailure: { errorCode: "InvalidClientTokenId", at: at("2026-01-04T00:00:00Z") },
    });
    expect(afterFailedRun).toMatchObject({ status: "stale", errorCode: "InvalidClientTokenId" });
  });

  it("an excluded scope is a known gap: listed apart, coverage stays complete; one open connection still counts", () => {
    const exclusion = {
      connectionId: "c1",
      reason: "SCP denies RDS here",
      excludedBy: "admin@example.com",
      excludedAt: "2026-01-05T00:00:00.000Z",
    };
    const onlyExcluded = combineCell(cell, [connectionScope({ ...denied, exclusion })]);
    expect(summarise([onlyExcluded])).toMatchObject({
      complete: true,
      gaps: [],
      excluded: [{ status: "excluded", reason: "SCP denies RDS here", excludedBy: "admin@example.com" }],
    });
    const stillDenied = combineCell(cell, [
      connectionScope({ ...denied, exclusion }),
      connectionScope({ ...denied, connectionId: "c2" }),
    ]);
    expect(summarise([stillDenied])).toMatchObject({
      complete: false,
      gaps: [{ status: "denied", action: "rds:DescribeDBInstances", since: null }],
    });
  });

  it("a planned scope without any read yet is never collected", () => {
    expect(summarise([combineCell(cell, [connectionScope(facts({}))])]).gaps).toMatchObject([
      { status: "never-collected" },
    ]);
  });
});
