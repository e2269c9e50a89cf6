// The inventory read model against rows stored by the real collector from the simulator's demo
// world. Expected answers are computed in plain JS from the stored rows, so the SQLite and the
// PostgreSQL runs of this file are held to the same answers (case-insensitive search included).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { getDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import {
  INVENTORY_TYPES,
  facetValues,
  getInventoryItem,
  listInventory,
  listInventoryUncounted,
  parseInventoryQuery,
  type InventoryQuery,
} from "@/lib/inventory/query";
import { TYPE_CONFIG } from "@/lib/inventory/query/config";
import { WINDOW } from "@/lib/inventory/query/keyset-window";
import { readPage } from "@/lib/inventory/query/list-inventory-cursor";
import { buildWhere } from "@/lib/inventory/query/where";
import { modelOf } from "@/lib/inventory/query/model";
import { MAX_FILTER_VALUES } from "@/lib/inventory/query/schemas";
import { resourceTypeOf } from "@/lib/resources/registry";
import { coverageOf } from "@/lib/inventory/api/coverage";
import { apiQueryOf } from "@/lib/inventory/api/parse-api-query";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";

let fixture: CollectorFixture;
type Stored = {
  id: string;
  instanceId: string;
  name: string | null;
  accountId: string;
  region: string;
  licenceModel: string;
  vcpus: number | null;
  data: string;
  removedAt: Date | null;
};
let stored: Stored[];

const query = (params: Record<string, string> | [string, string][]): InventoryQuery => {
  const search = new URLSearchParams(params);
  if (!search.has("connection")) search.set("connection", fixture.connectionId);
  if (!search.has("pageSize")) search.set("pageSize", "200");
  return parseInventoryQuery("instances", search);
};
const ids = async (params: Record<string, string> | [string, string][]) =>
  (await listInventory("instances", query(params))).rows.map((row) => row.resourceId).sort();
const expectIds = (rows: Stored[]) => rows.map((row) => row.instanceId).sort();
const present = () => stored.filter((row) => row.removedAt === null);

async function loadStored() {
  stored = await getDb().ec2Instance.findMany({
    where: { connectionId: fixture.connectionId },
    select: {
      id: true,
      instanceId: true,
      name: true,
      accountId: true,
      region: true,
      licenceModel: true,
      vcpus: true,
      data: true,
      removedAt: true,
    },
  });
}

beforeAll(async () => {
  // Instances' queries: software collection off, so no SSM-denied cell makes the run partial.
  fixture = await demoConnection({ excludeAccountIds: ["333333333333"], collectSoftware: false });
  const run = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
  expect(run.status).toBe("succeeded");
  await loadStored();
  expect(present().length).toBeGreaterThan(20);
});

afterAll(async () => {
  await fixture?.sim.close();
});

describe("parseInventoryQuery", () => {
  it("applies defaults, caps the page size and reports field errors", () => {
    const parsed = parseInventoryQuery("instances", new URLSearchParams("columns=a,b&region="));
    expect(parsed).toMatchObject({
      filters: {},
      sort: "instanceId",
      order: "asc",
      page: 1,
      pageSize: 50,
      includeRemoved: false,
    });
    const bad = (() => {
      try {
        parseInventoryQuery("instances", new URLSearchParams("pageSize=500&sort=raw&engine=oracle-ee&tag=novalue"));
      } catch (error) {
        return error;
      }
    })();
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(["engine", "pageSize", "sort", "tag"]);
  });
});

describe("listInventory", () => {
  it("filters by licence model, region, account ID or alias", async () => {
    expect(await ids({ licenceModel: "byol" })).toEqual(
      expectIds(present().filter((row) => row.licenceModel === "byol")),
    );
    expect((await ids({ licenceModel: "byol" })).length).toBeGreaterThan(0);
    const region = present()[0].region;
    expect(await ids({ region })).toEqual(expectIds(present().filter((row) => row.region === region)));

    const account = await getDb().account.findFirstOrThrow({
      where: { connectionId: fixture.connectionId, alias: { not: null } },
    });
    const ofAccount = expectIds(present().filter((row) => row.accountId === account.accountId));
    expect(ofAccount.length).toBeGreaterThan(0);
    expect(await ids({ account: account.accountId })).toEqual(ofAccount);
    expect(await ids({ account: account.alias! })).toEqual(ofAccount);
    expect(await ids({ account: account.alias!.toUpperCase() })).toEqual(ofAccount);
    const page = await listInventory("instances", query({ account: account.alias! }));
    expect(page.rows.every((row) => row.accountAlias === account.alias && row.connectionName !== null)).toBe(true);
  });

  it("filters by tag key=value and by case-insensitive free text", async () => {
    const tagged = present().find((row) => Object.keys(JSON.parse(row.data).tags ?? {}).length > 0)!;
    const [key, value] =
      Object.entries(JSON.parse(tagged.data).tags as Record<string, string>).find(([k]) => k !== "Name") ??
      Object.entries(JSON.parse(tagged.data).tags)[0];
    const withTag = present().filter((row) => (JSON.parse(row.data).tags ?? {})[key] === value);
    expect(await ids({ tag: `${key}=${value}` })).toEqual(expectIds(withTag));

    const named = present().find((row) => row.name)!;
    const needle = named.name!.slice(0, Math.max(4, named.name!.length - 2)).toUpperCase();
    const lower = needle.toLowerCase();
    const matching = present().filter((row) =>
      [row.instanceId, row.name ?? "", row.data].some((text) => text.toLowerCase().includes(lower)),
    );
    expect(await ids({ q: needle })).toEqual(expectIds(matching));
    expect(await ids({ q: named.instanceId })).toEqual([named.instanceId]);
  });

  it("sorts server-side and pages without gaps or overlaps", async () => {
    const desc = await listInventory("instances", query({ sort: "vcpus", order: "desc" }));
    const vcpus = desc.rows.map((row) => row.fields.vcpus as number | null).filter((v): v is number => v !== null);
    expect(vcpus).toEqual([...vcpus].sort((a, b) => b - a));

    const seen: string[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const result = await listInventory("instances", query({ sort: "region", pageSize: "7", page: String(page) }));
      total = result.total;
      seen.push(...result.rows.map((row) => row.id));
      if (page >= result.pageCount) break;
    }
    expect(total).toBe(present().length);
    expect(new Set(seen).size).toBe(present().length);
  });

  it("pages forward by cursor through exactly the rows and order the offset pages give, for every sort", async () => {
    const sorts = ["region", "launchTime", "vcpus", "name", "licensedProduct"];
    for (const sort of sorts)
      for (const order of ["asc", "desc"]) {
        const base = { sort, order, pageSize: "7" };
        const byOffset: string[] = [];
        const byCursor: string[] = [];
        const first = await listInventory("instances", query(base));
        for (let page = 1; page <= first.pageCount; page++)
          byOffset.push(
            ...(await listInventory("instances", query({ ...base, page: String(page) }))).rows.map((r) => r.id),
          );
        let cursor: string | null = null;
        let pages = 0;
        do {
          const result = await listInventory("instances", query({ ...base, page: String(++pages) }), cursor);
          byCursor.push(...result.rows.map((r) => r.id));
          cursor = result.nextCursor;
        } while (cursor);
        expect(byCursor, `${sort} ${order}`).toEqual(byOffset);
        expect(pages).toBe(first.pageCount);
        expect(new Set(byCursor).size).toBe(present().length);
      }
    // An offset page (a bookmarked ?page=N) hands over to keyset reads: its nextCursor continues it.
    const third = await listInventory("instances", query({ sort: "name", pageSize: "7", page: "3" }));
    const fourth = await listInventory(
      "instances",
      query({ sort: "name", pageSize: "7", page: "4" }),
      third.nextCursor,
    );
    const fourthByOffset = await listInventory("instances", query({ sort: "name", pageSize: "7", page: "4" }));
    expect(fourth.rows.map((r) => r.id)).toEqual(fourthByOffset.rows.map((r) => r.id));
    // The table's Next reads the same page without counting the view again.
    const uncounted = await listInventoryUncounted(
      "instances",
      query({ sort: "name", pageSize: "7", page: "4" }),
      third.nextCursor,
    );
    expect(uncounted).toEqual({ ...fourth, total: null, pageCount: null });
    // A cursor from another sort, or not from Cirrus at all, is refused with a reason.
    await expect(
      listInventory("instances", query({ sort: "region", pageSize: "7" }), third.nextCursor),
    ).rejects.toThrow(ValidationError);
    await expect(listInventory("instances", query({ pageSize: "7" }), "not a cursor!")).rejects.toThrow(
      ValidationError,
    );
  });

  it("reads a filtered page by windows of the sort's index: the planner's rows, in its order", async () => {
    // A window: a run of the sort index's entries, each checked against the filter (keyset-window.ts).
    // Windows from 3 index entries and a budget of 40 over this world's rows, so pages come from
    // one window, several, the first range's end (NULLs follow) and the fallback when the
    // windows cannot fill a page; on PostgreSQL both reads are the planner's.
    const common = (column: keyof Stored) => {
      const counts = new Map<unknown, number>();
      for (const row of present()) counts.set(row[column], (counts.get(row[column]) ?? 0) + 1);
      return String([...counts].sort((a, b) => b[1] - a[1])[0][0]);
    };
    const rare = present().find((row) => row.licenceModel !== common("licenceModel"))!;
    const filters: Record<string, string>[] = [{}, { licenceModel: rare.licenceModel }, { q: "a" }];
    const read = async (params: Record<string, string>, limit: number, window: typeof WINDOW | null) => {
      const pageQuery = query(params);
      const where = await buildWhere("instances", pageQuery);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await readPage("instances", pageQuery, where, { cursor, limit, window });
        ids.push(...page.rows.map((entry) => entry.row.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    for (const sort of TYPE_CONFIG.instances.sortable)
      for (const order of ["asc", "desc"])
        for (const filter of filters) {
          const params = { ...filter, sort, order };
          // The planner's read of every row at once, and pages of 15 by windows.
          const planned = await read(params, 10_000, null);
          expect(await read(params, 15, { rows: 3, budget: 40 }), JSON.stringify(params)).toEqual(planned);
          expect(planned.length).toBe((await listInventory("instances", query(params))).total);
        }
  });

  it("matches any of several values of one filter (a repeated parameter) and every filter given", async () => {
    const models = [...new Set(present().map((row) => row.licenceModel))].sort();
    expect(models.length).toBeGreaterThan(1);
    const [first, second] = models;
    const either = expectIds(present().filter((row) => row.licenceModel === first || row.licenceModel === second));
    expect(
      await ids([
        ["licenceModel", first],
        ["licenceModel", second],
      ]),
    ).toEqual(either);
    expect(either.length).toBeGreaterThan((await ids({ licenceModel: first })).length);

    const regions = [...new Set(present().map((row) => row.region))].sort().slice(0, 2);
    expect(regions).toHaveLength(2);
    const inRegions = present().filter((row) => regions.includes(row.region));
    expect(await ids(regions.map((region): [string, string] => ["region", region]))).toEqual(expectIds(inRegions));
    // Alternatives within a filter, all filters at once.
    expect(
      await ids([...regions.map((region): [string, string] => ["region", region]), ["licenceModel", first]]),
    ).toEqual(expectIds(inRegions.filter((row) => row.licenceModel === first)));

    // An account by ID and another by alias, in one filter.
    const accounts = await getDb().account.findMany({
      where: { connectionId: fixture.connectionId },
      orderBy: { accountId: "asc" },
    });
    const aliased = accounts.find((account) => account.alias)!;
    const other = accounts.find(
      (account) =>
        account.accountId !== aliased.accountId && present().some((row) => row.accountId === account.accountId),
    )!;
    expect(
      await ids([
        ["account", aliased.alias!.toUpperCase()],
        ["account", other.accountId],
      ]),
    ).toEqual(expectIds(present().filter((row) => [aliased.accountId, other.accountId].includes(row.accountId))));

    // The same value twice is one value; the API echoes a filter given once as its value, a repeated one as the list.
    expect(
      query([
        ["licenceModel", first],
        ["licenceModel", ` ${first} `],
      ]).filters.licenceModel,
    ).toEqual([first]);
    expect(
      apiQueryOf(
        query([
          ["licenceModel", first],
          ["licenceModel", second],
        ]),
      ).filters,
    ).toEqual({ connection: fixture.connectionId, licenceModel: [first, second] });
  });

  it("refuses a repeated filter holding a bad value or too many values, naming the filter", () => {
    const fieldsOf = (search: string) => {
      try {
        parseInventoryQuery("instances", new URLSearchParams(search));
      } catch (error) {
        return Object.keys((error as ValidationError).fieldErrors).sort();
      }
      return [];
    };
    expect(fieldsOf("region=us-east-1&region=eu%00west")).toEqual(["region"]);
    expect(fieldsOf("tag=a=b&tag=novalue")).toEqual(["tag"]);
    expect(
      fieldsOf(Array.from({ length: MAX_FILTER_VALUES + 1 }, (_, i) => `instanceType=t${i}.micro`).join("&")),
    ).toEqual(["instanceType"]);
    expect(fieldsOf("stale=maybe")).toEqual(["stale"]);
    expect(fieldsOf(Array.from({ length: MAX_FILTER_VALUES }, (_, i) => `instanceType=t${i}.micro`).join("&"))).toEqual(
      [],
    );
  });

  it("offers facet values for the dropdowns", async () => {
    const facets = await facetValues("instances");
    expect(facets.licenceModel?.map((f) => f.value)).toContain("byol");
    expect(facets.region?.length).toBeGreaterThan(1);
    expect(facets.connection?.some((f) => f.value === fixture.connectionId)).toBe(true);
    // Every dropdown of every type offers exactly the distinct values of the rows still present
    // (a GROUP BY of every row), in order, and the connections with a sighting of the type.
    const db = getDb();
    for (const type of INVENTORY_TYPES) {
      const { filters } = TYPE_CONFIG[type];
      const offered = await facetValues(type);
      const columns = { region: "region", account: "accountId", ...filters } as Record<string, string>;
      for (const [facet, column] of Object.entries(columns)) {
        const groups = await modelOf(type).groupBy({
          by: [column],
          where: { removedAt: null },
          orderBy: { [column]: "asc" },
        });
        const expected = groups
          .map((group) => group[column])
          .filter((value) => typeof value === "string" && value !== "");
        expect(
          offered[facet as keyof typeof offered]?.map((f) => f.value),
          `${type} ${facet}`,
        ).toEqual(expected);
      }
      const sightings = await db.sighting.groupBy({
        by: ["connectionId"],
        where: { resourceType: resourceTypeOf(type) },
        orderBy: { connectionId: "asc" },
      });
      expect(
        offered.connection?.map((f) => f.value),
        `${type} connection`,
      ).toEqual(sightings.map((group) => group.connectionId));
    }
  });
});

describe("removed rows, history and stale scopes", () => {
  it("hides removed rows unless asked, keeps their history, and flags stale scopes", async () => {
    const victim = present().find((row) => row.accountId === "222222222222" && row.region === "us-east-1")!;
    await fixture.control("mutate", {
      op: "removeResource",
      type: "instance",
      account: "222222222222",
      region: "us-east-1",
      id: victim.instanceId,
    });
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
      ],
    });
    const second = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(second.status).toBe("partial");
    await loadStored();

    expect(await ids({ q: victim.instanceId })).toEqual([]);
    const withRemoved = await listInventory("instances", query({ q: victim.instanceId, includeRemoved: "true" }));
    expect(withRemoved.rows.map((row) => row.resourceId)).toEqual([victim.instanceId]);
    expect(withRemoved.rows[0].removedAt).not.toBeNull();
    expect((await listInventory("instances", query({ includeRemoved: "true" }))).total).toBe(stored.length);

    const item = await getInventoryItem("instances", victim.id);
    expect(item?.history.map((event) => event.kind)).toEqual(["removed", "created"]);
    expect(item?.raw).toBeTruthy();
    expect(item?.firstSeenAt).toBeTruthy();

    const staleRows = await listInventory("instances", query({ account: "222222222222", region: "eu-west-1" }));
    expect(staleRows.total).toBeGreaterThan(0);
    expect(staleRows.rows.every((row) => row.stale !== null && row.stale.lastSuccessAt !== null)).toBe(true);
    const freshRows = await listInventory("instances", query({ account: "222222222222", region: "us-east-1" }));
    expect(freshRows.rows.every((row) => row.stale === null)).toBe(true);
  });

  it("lists only stale rows with stale=true and only current ones with stale=false", async () => {
    // After the test above: 222222222222 eu-west-1 failed in the latest run, every other scope was read.
    const staleRows = present().filter((row) => row.accountId === "222222222222" && row.region === "eu-west-1");
    expect(staleRows.length).toBeGreaterThan(0);
    const onlyStale = await listInventory("instances", query({ stale: "true" }));
    expect(onlyStale.rows.map((row) => row.resourceId).sort()).toEqual(expectIds(staleRows));
    expect(onlyStale.rows.every((row) => row.stale !== null)).toBe(true);
    expect(onlyStale.query.stale).toBe(true);
    const current = [];
    for (let page = 1, pageCount = 1; page <= pageCount; page++) {
      const result = await listInventory("instances", query({ stale: "false", page: String(page) }));
      current.push(...result.rows);
      pageCount = result.pageCount;
    }
    expect(current.map((row) => row.resourceId).sort()).toEqual(
      expectIds(present().filter((row) => !staleRows.includes(row))),
    );
    expect(current.every((row) => row.stale === null)).toBe(true);
    // The coverage behind a view narrows by any of the filter's regions.
    const gapsOf = async (regions: string[]) =>
      (await coverageOf("instances", query(regions.map((region): [string, string] => ["region", region])))).gaps.map(
        (gap) => `${gap.accountId} ${gap.region}`,
      );
    expect(await gapsOf(["us-east-1", "eu-west-1"])).toContain("222222222222 eu-west-1");
    expect(await gapsOf(["us-east-1"])).not.toContain("222222222222 eu-west-1");
    // With other filters: stale and in another region is nothing.
    expect(await ids({ stale: "true", region: "us-east-1" })).toEqual([]);
    // Removed rows of a stale scope are listed with includeRemoved, like the flag on each row.
    expect((await listInventory("instances", query({ stale: "true", includeRemoved: "true" }))).total).toBe(
      stored.filter((row) => row.accountId === "222222222222" && row.region === "eu-west-1").length,
    );
  });

  it("reads the other tables, with the Oracle preset on databases", async () => {
    const dbs = await getDb().dbInstance.findMany({
      where: { connectionId: fixture.connectionId, removedAt: null },
      select: { dbInstanceIdentifier: true, engine: true },
    });
    const oracle = await listInventory(
      "databases",
      parseInventoryQuery(
        "databases",
        new URLSearchParams({ connection: fixture.connectionId, engine: "oracle-*", pageSize: "200" }),
      ),
    );
    expect(oracle.rows.map((row) => row.fields.dbInstanceIdentifier).sort()).toEqual(
      dbs
        .filter((db) => db.engine?.startsWith("oracle-"))
        .map((db) => db.dbInstanceIdentifier)
        .sort(),
    );
    // Several engines at once, prefixes and exact values mixed: the union.
    const engines = [
      ...new Set(
        dbs.map((db) => db.engine).filter((engine): engine is string => !!engine && !engine.startsWith("oracle-")),
      ),
    ];
    expect(engines.length).toBeGreaterThan(0);
    const some = await listInventory(
      "databases",
      parseInventoryQuery(
        "databases",
        new URLSearchParams([
          ["connection", fixture.connectionId],
          ["engine", "oracle-*"],
          ["engine", engines[0]],
          ["pageSize", "200"],
        ]),
      ),
    );
    expect(some.rows.map((row) => row.fields.dbInstanceIdentifier).sort()).toEqual(
      dbs
        .filter((db) => db.engine?.startsWith("oracle-") || db.engine === engines[0])
        .map((db) => db.dbInstanceIdentifier)
        .sort(),
    );
    for (const type of ["hosts", "reserved-instances"] as const) {
      const page = await listInventory(
        type,
        parseInventoryQuery(type, new URLSearchParams({ connection: fixture.connectionId })),
      );
      expect(page.total).toBeGreaterThan(0);
    }
  });
});
