// REST API v1 and exports against rows the real collector stored from the simulator's demo
// world, called through the route handlers with API tokens. Cursor pages, filters and exports
// are held to listInventory's answers, so the SQLite and PostgreSQL runs agree.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/[type]/export/route";
import { GET as listRoute } from "@/app/api/v1/[type]/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as usersRoute } from "@/app/api/users/route";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens";
import { collectConnection } from "@/lib/collector";
import { COLLECTOR_VERSION } from "@/lib/version";
import { getDb } from "@/lib/db";
import { EXPORT_AUDIT } from "@/lib/inventory/export";
import { TYPE_CONFIG } from "@/lib/inventory/query/config";
import {
  INVENTORY_TYPES,
  listInventory,
  parseInventoryQuery,
  type InventoryRow,
  type InventoryType,
} from "@/lib/inventory/query";
import { iterateInventory, listInventoryPage } from "@/lib/inventory/query/list-inventory-cursor";
import { buildWhere } from "@/lib/inventory/query/where";
import { ident, sql } from "@/lib/inventory/query/sql";
import { byFieldKey, exportLabel } from "../support/export-headers";
import { csvObjects } from "../support/parse-csv";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";
import { SSM_DENIED } from "./support/software-scopes";

let fixture: CollectorFixture;
let viewer: { token: string; id: string; name: string };
const FORMULA_NAME = '=HYPERLINK("http://evil.test","click")';
let formulaInstance: string;

type Route = (request: Request, context: { params: Promise<{ type: string }> }) => Promise<Response>;
const call = (route: Route, type: string, search: Record<string, string>, token = viewer.token) =>
  route(
    new Request(`http://cirrus.test/api/v1/${type}?${new URLSearchParams(search)}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ type }) },
  );

// Every row of a view through the UI's offset listing (the reference answer), in pages of 8 so
// most pages start past an offset; held to one plain ORDER BY of the whole view, the order the
// API promises (empty values last, ties by row id in the sort's direction), which shares no
// code with the pages' keyset ranges.
async function offsetRows(type: InventoryType, params: Record<string, string>): Promise<InventoryRow[]> {
  const rows: InventoryRow[] = [];
  const search = new URLSearchParams({ connection: fixture.connectionId, pageSize: "8", ...params });
  for (let page = 1; ; page++) {
    search.set("page", String(page));
    const result = await listInventory(type, parseInventoryQuery(type, search));
    rows.push(...result.rows);
    if (page >= result.pageCount) break;
  }
  const query = parseInventoryQuery(type, search);
  const direction = query.order === "asc" ? sql`ASC` : sql`DESC`;
  const ordered = await getDb().$queryRaw<{ id: string }[]>(
    sql`SELECT "id" FROM ${ident(TYPE_CONFIG[type].table)} WHERE ${await buildWhere(type, query)}
      ORDER BY ${ident(query.sort)} ${direction} NULLS LAST, "id" ${direction}`,
  );
  expect(ids(rows), `offset pages of ${type} ${JSON.stringify(params)}`).toEqual(ordered.map((row) => row.id));
  return rows;
}

// Every row through the API, following nextCursor.
async function apiRows(type: InventoryType, params: Record<string, string>, limit = "7"): Promise<InventoryRow[]> {
  const rows: InventoryRow[] = [];
  let cursor: string | null = null;
  do {
    const response = await call(listRoute, type, {
      connection: fixture.connectionId,
      limit,
      ...params,
      ...(cursor ? { cursor } : {}),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as { data: InventoryRow[]; nextCursor: string | null; limit: number };
    expect(body.data.length).toBeLessThanOrEqual(body.limit);
    rows.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return rows;
}

const sortValue = (row: InventoryRow, sort: string) =>
  (sort in row.fields ? row.fields[sort] : (row as unknown as Record<string, unknown>)[sort]) ?? null;
// The offset listing leaves NULL placement to the database; the API puts NULLs last.
const nullsLast = (rows: InventoryRow[], sort: string) => [
  ...rows.filter((row) => sortValue(row, sort) !== null),
  ...rows.filter((row) => sortValue(row, sort) === null),
];
const ids = (rows: InventoryRow[]) => rows.map((row) => row.id);

beforeAll(async () => {
  // Without the accounts whose roles lack rds:DescribeDBInstances / ssm:GetInventory in a region:
  // a clean run, every type (managed nodes and installed software too) listed and paged.
  fixture = await demoConnection({ excludeAccountIds: ["333333333333", SSM_DENIED.account] });
  expect((await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" })).status).toBe("succeeded");
  const target = await getDb().ec2Instance.findFirstOrThrow({
    where: { connectionId: fixture.connectionId, removedAt: null },
    orderBy: { instanceId: "asc" },
  });
  formulaInstance = target.instanceId;
  await fixture.control("mutate", {
    op: "setInstanceTags",
    account: target.accountId,
    region: target.region,
    id: target.instanceId,
    tags: { Name: FORMULA_NAME, "cost-centre": "-42", owner: "@ops" },
  });
  expect((await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" })).status).toBe("succeeded");
  const name = `api-test-${Math.random().toString(36).slice(2, 8)}`;
  viewer = { ...(await createApiToken({ name, role: "viewer" }, null)), name };
});

afterAll(async () => {
  await fixture?.sim.close();
});

describe("GET /api/v1/{type}: keyset pages", () => {
  it("pages through a nullable sort column in both orders exactly like the offset listing, NULLs last", async () => {
    const hostIds = (await offsetRows("instances", {})).map((row) => row.fields.hostId);
    expect(hostIds.some((value) => value === null) && hostIds.some((value) => value !== null)).toBe(true);
    for (const order of ["asc", "desc"]) {
      const expected = nullsLast(await offsetRows("instances", { sort: "hostId", order }), "hostId");
      const paged = await apiRows("instances", { sort: "hostId", order }, "3");
      expect(ids(paged)).toEqual(ids(expected));
      expect(sortValue(paged[paged.length - 1], "hostId")).toBeNull();
    }
    // A bookmarked page past the end (rows removed since) is empty, with the true total.
    const beyond = await listInventory(
      "instances",
      parseInventoryQuery("instances", new URLSearchParams({ connection: fixture.connectionId, page: "999" })),
    );
    expect({ rows: beyond.rows.length, total: beyond.total, nextCursor: beyond.nextCursor }).toEqual({
      rows: 0,
      total: hostIds.length,
      nextCursor: null,
    });
  });

  it("agrees with the offset listing for every sortable column of every type, in both orders", async () => {
    for (const type of INVENTORY_TYPES) {
      for (const sort of TYPE_CONFIG[type].sortable) {
        for (const order of ["asc", "desc"] as const) {
          const query = parseInventoryQuery(
            type,
            new URLSearchParams({ connection: fixture.connectionId, sort, order }),
          );
          const paged: InventoryRow[] = [];
          let cursor: string | null = null;
          do {
            const page = await listInventoryPage(type, query, { cursor, limit: 6 });
            paged.push(...page.rows);
            cursor = page.nextCursor;
          } while (cursor);
          expect(ids(paged), `${type} ${sort} ${order}`).toEqual(
            ids(nullsLast(await offsetRows(type, { sort, order }), sort)),
          );
        }
      }
    }
  }, 180_000);

  it("answers the UI's filters with the rows listInventory gives", async () => {
    const account = await getDb().account.findFirstOrThrow({
      where: { connectionId: fixture.connectionId, alias: { not: null } },
    });
    const filters: [InventoryType, Record<string, string>][] = [
      ["instances", { licenceModel: "byol" }],
      ["instances", { account: account.alias!, sort: "vcpus", order: "desc" }],
      ["instances", { region: "us-east-1", state: "running" }],
      ["instances", { tag: "owner=@ops" }],
      ["instances", { q: "HYPERLINK" }],
      ["databases", { engine: "oracle-*", sort: "engine" }],
      ["reserved-instances", { includeRemoved: "true" }],
      ["hosts", {}],
    ];
    for (const [type, params] of filters) {
      const expected = await offsetRows(type, params);
      expect(ids(await apiRows(type, params)), `${type} ${JSON.stringify(params)}`).toEqual(
        ids(nullsLast(expected, params.sort ?? TYPE_CONFIG[type].defaultSort)),
      );
    }
    expect((await apiRows("instances", { tag: "owner=@ops" })).map((row) => row.resourceId)).toEqual([formulaInstance]);
  });

  it("reports limit, query and no-store, and answers bad input with 400 field errors", async () => {
    const response = await call(listRoute, "instances", {
      connection: fixture.connectionId,
      licenceModel: "byol",
      page: "3",
      pageSize: "999",
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      limit: 100,
      query: {
        filters: { connection: fixture.connectionId, licenceModel: "byol" },
        sort: "instanceId",
        order: "asc",
        includeRemoved: false,
      },
    });
    expect(Object.keys(body).sort()).toEqual(["coverage", "data", "limit", "nextCursor", "query"]);

    const first = (await (
      await call(listRoute, "instances", { connection: fixture.connectionId, limit: "2" })
    ).json()) as { nextCursor: string };
    const bad: [Record<string, string>, string[]][] = [
      [{ cursor: "garbage!" }, ["cursor"]],
      [{ cursor: Buffer.from('{"s":"instanceId"}').toString("base64url") }, ["cursor"]],
      [{ cursor: first.nextCursor, sort: "vcpus" }, ["cursor"]],
      [{ limit: "0" }, ["limit"]],
      [{ limit: "1001", sort: "raw" }, ["limit", "sort"]],
      [{ engine: "oracle-ee" }, ["engine"]],
    ];
    for (const [params, fields] of bad) {
      const answer = await call(listRoute, "instances", params);
      expect(answer.status, JSON.stringify(params)).toBe(400);
      const error = (await answer.json()).error;
      expect(Object.keys(error.fieldErrors).sort(), JSON.stringify(params)).toEqual(fields);
      if (fields[0] === "cursor") expect(error.fieldErrors.cursor[0]).toMatch(/cursor/i);
    }
    expect((await call(listRoute, "volumes", {})).status).toBe(404);
    expect((await call(exportRoute, "instances", { format: "pdf" })).status).toBe(400);
  });
});

describe("API tokens on /api/v1", () => {
  it("a revoked token gets 401, a viewer token 403 on an admin route, and the OpenAPI document needs a token", async () => {
    const { token, id } = await createApiToken({ name: "soon-revoked", role: "viewer" }, null);
    expect((await call(listRoute, "instances", {}, token)).status).toBe(200);
    await revokeApiToken(id, null);
    const revoked = await call(listRoute, "instances", {}, token);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.code).toBe("unauthenticated");
    expect((await call(exportRoute, "instances", {}, token)).status).toBe(401);
    expect(
      (
        await usersRoute(
          new Request("http://cirrus.test/api/users", { headers: { authorization: `Bearer ${viewer.token}` } }),
        )
      ).status,
    ).toBe(403);

    const openApi = await openApiRoute(
      new Request("http://cirrus.test/api/v1/openapi.json", { headers: { authorization: `Bearer ${viewer.token}` } }),
    );
    expect((await openApi.json()).paths).toHaveProperty(["/api/v1/instances/export"]);
    expect(
      (
        await openApiRoute(
          new Request("http://cirrus.test/api/v1/openapi.json", { headers: { authorization: "Bearer nope" } }),
        )
      ).status,
    ).toBe(401);
  });
});

describe("GET /api/v1/{type}/export", () => {
  const view = () => ({ connection: fixture.connectionId, region: "us-east-1", sort: "vcpus", order: "desc" });

  it("CSV: an RFC 4180 attachment that parses back to the view's rows, typed and formula-safe, and is audited", async () => {
    const response = await call(exportRoute, "instances", { ...view(), format: "csv" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="cirrus-instances-\d{8}-\d{6}\.csv"$/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Headers are the table's labels ("Instance ID", "vCPUs"); read back by field key.
    const records = byFieldKey("instances", csvObjects(bytes.subarray(3).toString("utf8")));
    const expected = nullsLast(await offsetRows("instances", view()), "vcpus");
    expect(records.map((record) => record.instanceId)).toEqual(expected.map((row) => row.resourceId));
    const stored = new Map(
      (await getDb().ec2Instance.findMany({ where: { connectionId: fixture.connectionId } })).map((row) => [
        row.instanceId,
        row,
      ]),
    );
    expected.forEach((row, index) => {
      const record = records[index];
      expect(record.vcpus).toBe(row.fields.vcpus === null ? "" : String(row.fields.vcpus));
      expect(record.accountId).toBe(row.accountId);
      expect(record.accountAlias).toBe(row.accountAlias ?? "");
      expect(record.connectionName).toBe(row.connectionName);
      expect(record.lastSeenAt).toBe(row.lastSeenAt);
      expect(JSON.parse(record.tags)).toEqual(JSON.parse(stored.get(row.resourceId)!.data).tags);
      expect(record.collectorVersion).toBe(COLLECTOR_VERSION);
      if (row.resourceId !== formulaInstance) expect(record.name).toBe(row.fields.name ?? "");
    });
    const tricky = records.find((record) => record.instanceId === formulaInstance)!;
    expect(tricky.name).toBe(`'${FORMULA_NAME}`);
    expect(new Set(records.map((record) => record.exportedAt)).size).toBe(1);
    expect(records[0].snapshotAt).toBe(
      expected
        .map((row) => row.lastSeenAt)
        .sort()
        .at(-1),
    );

    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: EXPORT_AUDIT.exported, actorEmail: `token:${viewer.name}` },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ targetType: "inventory", target: "instances" });
    expect(JSON.parse(audit.details!)).toMatchObject({
      type: "instances",
      format: "csv",
      filters: { region: "us-east-1" },
      sort: "vcpus",
      order: "desc",
      rowCount: records.length,
      completed: true,
    });
  });

  it("JSON: a header with export facts and every row with tags; XLSX: typed cells and an About sheet", async () => {
    const json = await (await call(exportRoute, "instances", { ...view(), format: "json" })).json();
    expect(json).toMatchObject({
      type: "instances",
      collectorVersion: COLLECTOR_VERSION,
      query: { sort: "vcpus", order: "desc" },
    });
    const apiView = await apiRows("instances", view());
    expect(
      json.rows.map(({ tags, ...row }: { tags: Record<string, string> }) => (expect(tags).toBeTypeOf("object"), row)),
    ).toEqual(apiView);

    const response = await call(exportRoute, "instances", { ...view(), format: "xlsx" });
    expect(response.headers.get("content-disposition")).toMatch(/filename="cirrus-instances-\d{8}-\d{6}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("instances")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const cell = (row: number, key: string) =>
      sheet.getRow(row).getCell(header.indexOf(exportLabel("instances", key)) + 1).value;
    expect(sheet.rowCount - 1).toBe(apiView.length);
    apiView.forEach((row, index) => {
      expect(cell(index + 2, "instanceId")).toBe(row.resourceId);
      expect(cell(index + 2, "vcpus")).toBe(row.fields.vcpus);
      expect(cell(index + 2, "lastSeenAt")).toEqual(new Date(row.lastSeenAt));
    });
    expect(cell(apiView.findIndex((row) => row.resourceId === formulaInstance) + 2, "name")).toBe(`'${FORMULA_NAME}`);
    expect(workbook.getWorksheet("About")!.getColumn(1).values).toEqual(
      expect.arrayContaining(["exportedAt", "snapshotAt", "collectorVersion", "rowCount"]),
    );
  });

  // Exports read a row's data fields and tags as values the database picks out of its JSON, the
  // listing parses the whole JSON: every type's export rows are the listing's, with the stored tags.
  it.each(INVENTORY_TYPES)("%s: every exported row is the listing's row with the tags it stored", async (type) => {
    const query = parseInventoryQuery(type, new URLSearchParams({ connection: fixture.connectionId }));
    const exported: (InventoryRow & { tags: Record<string, string> })[] = [];
    for await (const batch of iterateInventory(type, query, 3)) exported.push(...batch);
    const listed = await offsetRows(type, {});
    const model = getDb()[TYPE_CONFIG[type].model] as unknown as {
      findMany(args: unknown): Promise<{ id: string; data: string }[]>;
    };
    const stored = new Map(
      (await model.findMany({ where: { connectionId: fixture.connectionId } })).map((row) => [row.id, row.data]),
    );
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.map(({ tags, ...row }) => (void tags, row))).toEqual(listed);
    for (const row of exported) expect(row.tags).toEqual(JSON.parse(stored.get(row.id)!).tags ?? {});
  });

  // Not a failed export: the row as the listing shows it, with no data fields and no tags.
  it("exports a row whose stored data is not JSON as the listing shows it", async () => {
    const [target] = await offsetRows("instances", {});
    const stored = await getDb().ec2Instance.findUniqueOrThrow({ where: { id: target.id } });
    await getDb().ec2Instance.update({ where: { id: target.id }, data: { data: "{not json" } });
    try {
      const query = parseInventoryQuery("instances", new URLSearchParams({ connection: fixture.connectionId }));
      const exported: (InventoryRow & { tags: Record<string, string> })[] = [];
      for await (const batch of iterateInventory("instances", query, 50)) exported.push(...batch);
      const listed = await offsetRows("instances", {});
      const row = exported.find((candidate) => candidate.id === target.id)!;
      expect(row).toEqual({ ...listed.find((candidate) => candidate.id === target.id)!, tags: {} });
      expect(row.fields.platform).toBeNull();
      expect(exported).toHaveLength(listed.length);
    } finally {
      await getDb().ec2Instance.update({ where: { id: target.id }, data: { data: stored.data } });
    }
  });

  it("reads in keyset batches (every row once, in order) and audits an aborted download as incomplete", async () => {
    const query = parseInventoryQuery(
      "instances",
      new URLSearchParams({ connection: fixture.connectionId, sort: "launchTime" }),
    );
    // Positions read 50,000 at a time (one read here) and 15 at a time (several, the NULLs'
    // range starting inside one of them).
    for (const positionsPerRead of [50_000, 15]) {
      const batches: InventoryRow[][] = [];
      for await (const batch of iterateInventory("instances", query, 5, positionsPerRead)) batches.push(batch);
      expect(batches.slice(0, -1).every((batch) => batch.length === 5)).toBe(true);
      expect(ids(batches.flat())).toEqual(
        ids(nullsLast(await offsetRows("instances", { sort: "launchTime" }), "launchTime")),
      );
    }
    const filtered = { state: "running", sort: "vcpus", order: "desc" };
    const rows: InventoryRow[] = [];
    const byVcpus = parseInventoryQuery(
      "instances",
      new URLSearchParams({ connection: fixture.connectionId, ...filtered }),
    );
    for await (const batch of iterateInventory("instances", byVcpus, 4, 10)) rows.push(...batch);
    expect(ids(rows)).toEqual(ids(nullsLast(await offsetRows("instances", filtered), "vcpus")));

    const response = await call(exportRoute, "instances", {
      connection: fixture.connectionId,
      format: "csv",
      state: "running",
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    // The cancel reaches the row reader after the batch in flight: the entry follows shortly.
    const aborted = async () =>
      (await getDb().auditEvent.findMany({ where: { action: EXPORT_AUDIT.exported } }))
        .map((event) => JSON.parse(event.details!))
        .find((details) => details.filters.state === "running");
    await expect.poll(aborted, { timeout: 5000 }).toMatchObject({ completed: false, format: "csv" });
  });
});
