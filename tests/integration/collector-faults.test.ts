import { afterEach, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { getDb } from "@/lib/db";
import {
  demoConnection,
  rowSnapshot,
  storedCounts,
  type CollectorFixture,
  type SimSummary,
} from "./collector-fixtures";
import { SSM_DENIED } from "./support/software-scopes";

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

// Leaves out 333333333333, whose role lacks rds:DescribeDBInstances in one region, so that a
// clean run here is "succeeded". Software collection is off: the account whose role lacks
// ssm:GetInventory in one region is the unreachable one below, and SSM has its own suite.
const WITHOUT_DENIED_CELL = { excludeAccountIds: ["333333333333"], collectSoftware: false };
// With software on (SSM throttled too), the SSM-denied account is left out as well.
const WITHOUT_DENIED_CELLS = { excludeAccountIds: ["333333333333", SSM_DENIED.account] };

function expectedTotal(
  summary: SimSummary,
  field: "instances" | "dbInstances",
  skipAccounts = WITHOUT_DENIED_CELLS.excludeAccountIds,
) {
  return summary.accounts
    .filter((account) => !skipAccounts.includes(account.id))
    .flatMap((account) => account.regions.filter((region) => region.optIn !== "not-opted-in"))
    .reduce((sum, region) => sum + region[field], 0);
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

describe("collection under faults", () => {
  it("succeeds with all data through 30% throttling and 2% server errors", async () => {
    fixture = await demoConnection(WITHOUT_DENIED_CELLS);
    await fixture.control("faults", { seed: 7, rules: [{ throttleRate: 0.3 }, { errorRate: 0.02 }] });
    const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(result.status).toBe("succeeded");
    const summary = (await fixture.control("summary")) as SimSummary;
    const stored = await storedCounts(fixture.connectionId);
    expect(total(stored.instances)).toBe(expectedTotal(summary, "instances"));
    expect(total(stored.dbInstances)).toBe(expectedTotal(summary, "dbInstances"));
    const run = await getDb().run.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run.throttles).toBeGreaterThan(0);
  });

  it("keeps failed scopes' rows untouched and stale: a denied region, an unreachable account, a hanging region", async () => {
    fixture = await demoConnection(WITHOUT_DENIED_CELL);
    const first = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(first.status).toBe("succeeded");
    const before = await rowSnapshot(fixture.connectionId);

    // Remove an instance where nothing will fail, and one inside each failing scope: only the
    // first may be marked removed.
    const pick = (account: string, region: string) =>
      before.rows.find((row) => row.accountId === account && row.region === region && row.removedAt === null);
    const okVictim = pick("222222222222", "us-east-1")!;
    const deniedVictim = pick("222222222222", "eu-west-1")!;
    const unreachableVictim = pick("444444444444", "us-east-1")!;
    const hangingVictim = pick("555555555555", "us-west-2")!;
    for (const [victim, account, region] of [
      [okVictim, "222222222222", "us-east-1"],
      [deniedVictim, "222222222222", "eu-west-1"],
      [unreachableVictim, "444444444444", "us-east-1"],
      [hangingVictim, "555555555555", "us-west-2"],
    ] as const) {
      await fixture.control("mutate", {
        op: "removeResource",
        type: "instance",
        account,
        region,
        id: victim.instanceId,
      });
    }
    await fixture.control("faults", {
      rules: [
        {
          selector: { account: "222222222222", region: "eu-west-1", api: "ec2:*" },
          fail: {
            code: "UnauthorizedOperation",
            status: 403,
            message: "You are not authorized to perform this operation.",
          },
        },
        {
          selector: { api: "sts:AssumeRole", targetAccount: "444444444444" },
          fail: { code: "AccessDenied", status: 403, message: "not authorized to perform: sts:AssumeRole" },
        },
        { selector: { account: "555555555555", region: "us-west-2", api: "ec2:DescribeInstances" }, hang: true },
      ],
    });
    const second = await collectConnection(
      { connectionId: fixture.connectionId, trigger: "cli" },
      { scopeDeadlineMs: 4_000 },
    );
    expect(second.status).toBe("partial");

    const after = await getDb().ec2Instance.findMany({
      where: { connectionId: fixture.connectionId },
      select: { instanceId: true, removedAt: true, data: true },
    });
    const state = new Map(after.map((row) => [row.instanceId, row]));
    expect(state.get(okVictim.instanceId)!.removedAt).not.toBeNull();
    for (const victim of [deniedVictim, unreachableVictim, hangingVictim]) {
      expect(state.get(victim.instanceId)!.removedAt, victim.instanceId).toBeNull();
      expect(state.get(victim.instanceId)!.data).toBe(victim.data);
    }
    const staleScopes = await getDb().scopeState.findMany({
      where: { connectionId: fixture.connectionId, stale: true },
    });
    const staleKeys = staleScopes.map((scope) => `${scope.accountId}|${scope.region}|${scope.resourceType}`);
    expect(staleKeys).toContain("222222222222|eu-west-1|ec2-instance");
    expect(staleKeys).toContain("555555555555|us-west-2|ec2-instance");
    expect(staleKeys.filter((key) => key.startsWith("444444444444|")).length).toBeGreaterThanOrEqual(4);
    expect(staleScopes.every((scope) => scope.lastSuccessAt !== null)).toBe(true);
    const failures = await getDb().runScope.findMany({ where: { runId: second.runId, status: "failed" } });
    expect(failures.find((scope) => scope.accountId === "444444444444")?.errorCode).toBe("AccessDenied");
    expect(
      failures.find((scope) => scope.region === "us-west-2" && scope.accountId === "555555555555")?.errorCode,
    ).toBe("ScopeDeadlineExceeded");
  });
});
