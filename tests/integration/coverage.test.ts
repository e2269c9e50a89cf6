// Coverage of the demo world (issue 11 items 3 and 4): the one denied RDS cell, found from the
// simulator's world definition, shows on the read model, in the API's and exports' `coverage`;
// once an admin excludes it with a reason it is not called, the run succeeds and the gap is a
// known one; included again, it is planned again.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/[type]/export/route";
import { GET as listRoute } from "@/app/api/v1/[type]/route";
import { createApiToken } from "@/lib/api-tokens";
import { AUDIT } from "@/lib/audit/actions";
import { collectConnection } from "@/lib/collector";
import { excludeScope, excludeScopeSchema, getCoverage, getCoverageGaps, includeScope } from "@/lib/coverage";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { buildPreset, DEMO_RDS_DENIED } from "@/simulator/src/index";
import { byFieldKey } from "../support/export-headers";
import { csvObjects } from "../support/parse-csv";
import { RESOURCE_TYPES } from "@/lib/resources/rows";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";
import { SOFTWARE_TYPES, SSM_DENIED } from "./support/software-scopes";

const denied = DEMO_RDS_DENIED.aws;
const deniedScope = { accountId: denied.account, region: denied.region, resourceType: "rds-db-instance" as const };
const admin = { id: "coverage-test-admin", email: "coverage-admin@example.com" };
const REASON = "An SCP denies RDS in this region";
// The cell whose role lacks ssm:GetInventory: both SSM scopes there are denied too.
const ssmDeniedScopes = SOFTWARE_TYPES.map((resourceType) => ({
  accountId: SSM_DENIED.account,
  region: SSM_DENIED.region,
  resourceType,
}));
const SSM_REASON = "SSM Inventory is not readable in this region";

let fixture: CollectorFixture;
let token: string;

type Route = (request: Request, context: { params: Promise<{ type: string }> }) => Promise<Response>;
const call = (route: Route, type: string, search: Record<string, string>) =>
  route(
    new Request(
      `http://cirrus.test/api/v1/${type}?${new URLSearchParams({ connection: fixture.connectionId, ...search })}`,
      { headers: { authorization: `Bearer ${token}` } },
    ),
    { params: Promise.resolve({ type }) },
  );
const apiCoverage = async (type: string, search: Record<string, string> = {}) =>
  (
    (await (await call(listRoute, type, search)).json()) as {
      coverage: { complete: boolean; gaps: unknown[]; excluded: unknown[] };
    }
  ).coverage;
const rdsErrors = async () =>
  ((await fixture.control("stats")) as { byApi: Record<string, { errors: number; requests: number }> }).byApi;
const lastRunScopes = async (runId: string) =>
  getDb().runScope.findMany({
    where: { runId },
    select: { accountId: true, region: true, resourceType: true, status: true },
  });

// The world's planned scopes: every enabled region of every account, each resource type.
function worldCells() {
  const spec = buildPreset("demo");
  return spec.accounts.flatMap((account) =>
    account.regions
      .filter((region) => region.optIn !== "not-opted-in")
      .map((region) => ({ accountId: account.id, region: region.name })),
  );
}

beforeAll(async () => {
  fixture = await demoConnection();
  expect((await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" })).status).toBe("partial");
  token = (await createApiToken({ name: `coverage-${Math.random().toString(36).slice(2, 8)}`, role: "viewer" }, null))
    .token;
});
afterAll(async () => {
  await fixture?.sim.close();
});

describe("coverage of the demo world", () => {
  it("the denied RDS cell is on Coverage as denied, naming rds:DescribeDBInstances; every other cell is collected", async () => {
    const cells = await getCoverage({ connectionIds: [fixture.connectionId], redact: false });
    expect(cells.length).toBe(worldCells().length * RESOURCE_TYPES.length);
    const gaps = cells.filter((cell) => cell.status !== "collected");
    expect(gaps).toHaveLength(1 + ssmDeniedScopes.length);
    const ssmGaps = gaps.filter((cell) => SOFTWARE_TYPES.includes(cell.resourceType));
    expect(ssmGaps.sort((a, b) => a.resourceType.localeCompare(b.resourceType))).toMatchObject(
      ssmDeniedScopes
        // SSM's JSON protocol names the denial AccessDeniedException.
        .map((scope) => ({
          ...scope,
          status: "denied",
          errorCode: "AccessDeniedException",
          action: "ssm:GetInventory",
        }))
        .sort((a, b) => a.resourceType.localeCompare(b.resourceType)),
    );
    const rdsGaps = gaps.filter((cell) => cell.resourceType === "rds-db-instance");
    expect(rdsGaps).toMatchObject([
      {
        ...deniedScope,
        status: "denied",
        errorCode: "AccessDenied",
        action: "rds:DescribeDBInstances",
        lastSuccessAt: null,
      },
    ]);
    expect(rdsGaps[0].connections[0].message).toContain("rds:DescribeDBInstances");
    // Viewers: the code and the action, never AWS's text (it quotes the role ARN).
    const redacted = await getCoverage({ connectionIds: [fixture.connectionId], redact: true });
    expect(redacted.flatMap((cell) => cell.connections).every((view) => view.message === null)).toBe(true);
  });

  it("a figure's gaps are its own resource type's: RDS has the denied cell, EC2 is complete", async () => {
    expect(
      await getCoverageGaps({ resourceTypes: ["rds-db-instance"], connectionId: fixture.connectionId }),
    ).toMatchObject({
      complete: false,
      gaps: [{ ...deniedScope, status: "denied", action: "rds:DescribeDBInstances" }],
      excluded: [],
    });
    expect(await getCoverageGaps({ resourceTypes: ["ec2-instance"], connectionId: fixture.connectionId })).toEqual({
      complete: true,
      gaps: [],
      excluded: [],
    });
    // A list narrowed to another region has no gap.
    const otherRegion = worldCells().find((cell) => cell.region !== denied.region)!.region;
    expect(
      (
        await getCoverageGaps({
          resourceTypes: ["rds-db-instance"],
          connectionId: fixture.connectionId,
          region: otherRegion,
        })
      ).complete,
    ).toBe(true);
  });

  it("API lists and exports carry the denied cell in `coverage` (JSON header, CSV columns, XLSX About sheet)", async () => {
    expect(await apiCoverage("databases")).toMatchObject({
      complete: false,
      gaps: [
        { ...deniedScope, status: "denied", action: "rds:DescribeDBInstances", errorCode: "AccessDenied", since: null },
      ],
      excluded: [],
    });
    expect(await apiCoverage("instances")).toEqual({ complete: true, gaps: [], excluded: [] });

    const json = JSON.parse(await (await call(exportRoute, "databases", { format: "json" })).text());
    expect(json.coverage).toMatchObject({ complete: false, gaps: [{ ...deniedScope, status: "denied" }] });
    const csv = byFieldKey(
      "databases",
      csvObjects(
        Buffer.from(await (await call(exportRoute, "databases", { format: "csv" })).arrayBuffer())
          .subarray(3)
          .toString("utf8"),
      ),
    );
    expect(csv.length).toBeGreaterThan(0);
    expect(csv[0].coverageComplete).toBe("false");
    expect(csv[0].coverageGaps).toContain(
      `${denied.account} ${denied.region} rds-db-instance denied rds:DescribeDBInstances`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await (await call(exportRoute, "databases", { format: "xlsx" })).arrayBuffer()) as never,
    );
    const about = new Map<string, unknown>();
    workbook.getWorksheet("About")!.eachRow((row) => about.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(about.get("coverageComplete")).toBe(false);
    expect(String(about.get("coverageGap"))).toContain("rds:DescribeDBInstances");
  });

  it("an excluded scope is not called: the next run succeeds (not partial) and the gap is a known one, audited", async () => {
    // The SSM-denied cell is excluded first, so the RDS exclusion is the newest audit entry.
    for (const scope of ssmDeniedScopes)
      await excludeScope(
        excludeScopeSchema.parse({ connectionId: fixture.connectionId, ...scope, reason: SSM_REASON }),
        admin,
        "203.0.113.9",
      );
    await excludeScope(
      excludeScopeSchema.parse({ connectionId: fixture.connectionId, ...deniedScope, reason: REASON }),
      admin,
      "203.0.113.9",
    );
    await fixture.control("stats/reset", {});
    const run = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(run.status).toBe("succeeded");
    const stored = await getDb().run.findUniqueOrThrow({ where: { id: run.runId } });
    expect(stored).toMatchObject({
      scopesPlanned: worldCells().length * RESOURCE_TYPES.length - 1 - ssmDeniedScopes.length,
      scopesFailed: 0,
    });
    expect(
      (await lastRunScopes(run.runId)).filter(
        (scope) =>
          scope.accountId === denied.account &&
          scope.region === denied.region &&
          scope.resourceType === "rds-db-instance",
      ),
    ).toEqual([]);
    expect(Object.values(await rdsErrors()).reduce((sum, api) => sum + api.errors, 0)).toBe(0);

    const coverage = await apiCoverage("databases");
    expect(coverage).toMatchObject({
      complete: true,
      gaps: [],
      excluded: [{ ...deniedScope, status: "excluded", reason: REASON, excludedBy: admin.email }],
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: AUDIT.coverageScopeExcluded, targetId: fixture.connectionId },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ actorEmail: admin.email, ip: "203.0.113.9" });
    expect(JSON.parse(audit.details!)).toEqual({ ...deniedScope, reason: REASON });
  });

  it("included again, the scope is planned again (and denied again)", async () => {
    await includeScope({ connectionId: fixture.connectionId, ...deniedScope }, admin, null);
    for (const scope of ssmDeniedScopes)
      await includeScope({ connectionId: fixture.connectionId, ...scope }, admin, null);
    const run = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(run.status).toBe("partial");
    expect(
      (await lastRunScopes(run.runId)).filter(
        (scope) =>
          scope.accountId === denied.account &&
          scope.region === denied.region &&
          scope.resourceType === "rds-db-instance",
      ),
    ).toMatchObject([{ status: "failed" }]);
    expect(await apiCoverage("databases")).toMatchObject({
      complete: false,
      gaps: [{ ...deniedScope, status: "denied" }],
      excluded: [],
    });
    expect(
      await getDb().auditEvent.count({
        where: { action: AUDIT.coverageScopeIncluded, targetId: fixture.connectionId },
      }),
    ).toBe(1 + ssmDeniedScopes.length);
    await expect(
      includeScope({ connectionId: fixture.connectionId, ...deniedScope }, admin, null),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an exclusion's input is refused when the reason is short, long or holds control characters, or the scope is not one", async () => {
    const base = { connectionId: fixture.connectionId, ...deniedScope, reason: REASON };
    for (const bad of [
      { reason: "no" },
      { reason: "x".repeat(501) },
      { reason: "SCP\u0000denies" },
      { reason: "SCP \u202Edenies" },
      { accountId: "33333333333" },
      { region: "mars-1" },
      { resourceType: "s3-bucket" },
      { extra: 1 },
    ]) {
      expect(excludeScopeSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    await expect(
      excludeScope(excludeScopeSchema.parse({ ...base, connectionId: "no-such-connection" }), admin, null),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().scopeExclusion.count()).toBe(0);
  });
});
