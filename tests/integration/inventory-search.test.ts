// Free text (q) and tag filters read trigram indexes (SQLite FTS5, PostgreSQL pg_trgm): a search
// must find exactly what a full scan of the stored rows finds, for unicode, LIKE's own wildcard
// characters, quotes, backslashes and tag values holding "=", and the index must follow the
// collector's writes (a renamed instance is found by its new name only). Expected answers are
// computed in JS from the stored rows, so both databases are held to the same answers.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { getDatabaseTarget, getDb } from "@/lib/db";
import { listInventory, parseInventoryQuery } from "@/lib/inventory/query";
import { RESOURCE_LIST } from "@/lib/resources/registry";
import { tagRowsOf } from "@/lib/resources/tag-rows";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";

type Stored = { instanceId: string; name: string | null; data: string };

let fixture: CollectorFixture;
let stored: Stored[];

// Tags set on six instances before the collection: names in several scripts, a key and a value
// that both hold "=", LIKE wildcards, quotes and a backslash, and two tags that differ in case only.
const TAGGED: Record<string, string>[] = [
  { Name: "Zürich-web-東京", Owner: "a=b=c" },
  { Name: "café-ÉTÉ", "a=b": "c" },
  { Name: "plain-1", a: "b=c" },
  { Name: "sale", Note: '50%_off "quoted" back\\slash' },
  { Name: "env-upper", Env: "Prod" },
  { Name: "env-lower", env: "prod" },
];

async function collect() {
  expect((await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" })).status).toBe("succeeded");
  stored = await getDb().ec2Instance.findMany({
    where: { removedAt: null },
    select: { instanceId: true, name: true, data: true },
  });
}

async function setTags(instanceId: string, tags: Record<string, string | null>) {
  const row = await getDb().ec2Instance.findFirstOrThrow({ where: { instanceId } });
  await fixture.control("mutate", {
    op: "setInstanceTags",
    account: row.accountId,
    region: row.region,
    id: instanceId,
    tags,
  });
}

// Every matching instance id, through the table's pages (200 rows each) as the UI reads them.
async function found(params: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const search = new URLSearchParams({ ...params, pageSize: "200", page: String(page) });
    const result = await listInventory("instances", parseInventoryQuery("instances", search));
    ids.push(...result.rows.map((row) => row.resourceId));
    expect(result.total).toBeGreaterThanOrEqual(ids.length);
    if (page >= result.pageCount) {
      expect(ids.length).toBe(result.total);
      return ids.sort();
    }
  }
}

// The full scan: q looks for the text inside any value of the row's mapped fields (its JSON,
// nested values included) or a tag key, not in field names; it ignores the case of ASCII
// letters (SQLite's LIKE; the needles below keep non-ASCII letters in their stored case, where
// PostgreSQL's ILIKE agrees).
const fold = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
function valuesOf(value: unknown, out: string[] = []): string[] {
  if (value === null) return out;
  if (typeof value !== "object") out.push(String(value));
  else for (const item of Object.values(value)) valuesOf(item, out);
  return out;
}
const searchable = (row: Stored) => {
  const data = JSON.parse(row.data) as { tags?: Record<string, string> };
  return [...valuesOf(data), ...Object.keys(data.tags ?? {})];
};
const scanText = (needle: string) =>
  stored
    .filter((row) => searchable(row).some((text) => fold(text).includes(fold(needle))))
    .map((row) => row.instanceId)
    .sort();
// Tags: key and value exactly, split at the first "=" as the filter reads key=value.
const scanTag = (tag: string) => {
  const [key, ...rest] = tag.split("=");
  return stored
    .filter((row) => (JSON.parse(row.data) as { tags?: Record<string, string> }).tags?.[key] === rest.join("="))
    .map((row) => row.instanceId)
    .sort();
};

beforeAll(async () => {
  fixture = await demoConnection({ excludeAccountIds: ["333333333333"], collectSoftware: false });
  await collect();
  const targets = [...stored].sort((a, b) => a.instanceId.localeCompare(b.instanceId)).slice(0, TAGGED.length);
  for (const [index, tags] of TAGGED.entries()) await setTags(targets[index].instanceId, tags);
  await collect();
});

afterAll(async () => {
  await fixture?.sim.close();
});

describe("free text search", () => {
  it("finds exactly what a full scan finds: unicode, short needles, wildcards, quotes, ids in any case", async () => {
    const firstId = stored[0].instanceId;
    const needles = [
      "Zürich",
      "zÜRICH".replace("Ü", "ü"),
      "東京",
      "京",
      "-東",
      "ÉTÉ",
      "café",
      "CAFÉ".replace("É", "é"),
      "a=b",
      "b=c",
      "50%_off",
      "%",
      "_",
      '"quoted"',
      "back\\slash",
      "\\",
      "Prod",
      firstId.toUpperCase(),
      firstId.slice(-3),
      "m5.",
      "no such text anywhere",
      // Field names are not searched: "instanceType" is in every row's JSON, as a name only.
      "instanceType",
    ];
    for (const needle of needles) {
      const expected = scanText(needle);
      expect(await found({ q: needle }), needle).toEqual(expected);
    }
    // The tagged rows are there to be found: each needle above that names one finds it.
    expect(scanText("Zürich")).toHaveLength(1);
    expect(scanText("50%_off")).toHaveLength(1);
    expect(scanText("%").length).toBeLessThan(stored.length);
    expect(scanText("instanceType")).toEqual([]);
  });

  it("finds a renamed instance by its new name only, after the next collection", async () => {
    const target = stored.find((row) => row.name === "Zürich-web-東京")!;
    await setTags(target.instanceId, { Name: "Genève-db" });
    await collect();
    expect(await found({ q: "Zürich" })).toEqual([]);
    expect(await found({ q: "genève" })).toEqual([target.instanceId]);
    expect(await found({ q: "東京" })).toEqual(scanText("東京"));
  });
});

describe("tag filter", () => {
  it("matches key and value exactly and case-sensitively, with = in keys and values", async () => {
    for (const tag of [
      "Owner=a=b=c",
      "a=b=c",
      "Env=Prod",
      "env=prod",
      "Env=prod",
      'Note=50%_off "quoted" back\\slash',
    ]) {
      expect(await found({ tag }), tag).toEqual(scanTag(tag));
    }
    expect(scanTag("Env=Prod")).toHaveLength(1);
    expect(scanTag("a=b=c")).toHaveLength(1);
    // Alternatives: any of the tags.
    const either = new URLSearchParams([
      ["tag", "Env=Prod"],
      ["tag", "env=prod"],
    ]);
    const result = await listInventory("instances", parseInventoryQuery("instances", either));
    expect(result.rows.map((row) => row.resourceId).sort()).toEqual(
      [...scanTag("Env=Prod"), ...scanTag("env=prod")].sort(),
    );
  });
});

describe("tag filter after a change", () => {
  it("finds an instance by its new tag value only, after the next collection", async () => {
    const [instanceId] = scanTag("Env=Prod");
    await setTags(instanceId, { Env: "Staging" });
    await collect();
    expect(scanTag("Env=Prod")).toEqual([]);
    expect(await found({ tag: "Env=Prod" })).toEqual([]);
    expect(await found({ tag: "Env=Staging" })).toEqual([instanceId]);
  });
});

// The tag filter's rows of every stored row of every inventory table, as the collector wrote
// them, against the tags its data holds (tests delete rows directly here, which leaves their
// tag rows behind: the filter only ever matches rows that exist).
async function expectTagRowsInStep() {
  const db = getDb();
  const key = (row: { rowId: string; key: string; value: string }) => JSON.stringify([row.rowId, row.key, row.value]);
  const written = new Set((await db.inventoryTag.findMany()).map(key));
  let rows = 0;
  for (const { store } of RESOURCE_LIST) {
    const stored = await db.$queryRawUnsafe<{ id: string; data: string }[]>(
      `SELECT "id", "data" FROM "${store.table}"`,
    );
    const expected = stored.flatMap((row) => tagRowsOf(row.id, JSON.parse(row.data) as object)).map(key);
    rows += expected.length;
    for (const tag of expected) expect(written.has(tag), `${store.table} ${tag}`).toBe(true);
    const ids = new Set(stored.map((row) => row.id));
    const extra = [...written].filter((tag) => ids.has(JSON.parse(tag)[0]) && !expected.includes(tag));
    expect(extra, store.table).toEqual([]);
  }
  expect(rows).toBeGreaterThan(100);
}

describe("search indexes", () => {
  // SQLite: FTS5's integrity check compares each search table with its inventory table and fails
  // if a write (insert, update, retirement, deletion) reached one without the other. PostgreSQL
  // maintains its indexes itself: there the trigram index must exist.
  it("exist for every inventory table and stay in step after collections, changes and deletions", async () => {
    const db = getDb();
    const last = stored[stored.length - 1].instanceId;
    await db.ec2Instance.deleteMany({ where: { instanceId: last } });
    for (const { store } of RESOURCE_LIST) {
      if (getDatabaseTarget().provider === "sqlite") {
        const search = `"${store.table}Search"`;
        await db.$executeRawUnsafe(`INSERT INTO ${search}(${search}, rank) VALUES ('integrity-check', 1)`);
      } else {
        const indexes = await db.$queryRawUnsafe<{ indexname: string }[]>(
          `SELECT indexname FROM pg_indexes WHERE tablename = $1 AND indexdef LIKE '%gin_trgm_ops%'`,
          store.table,
        );
        expect(
          indexes.map((index) => index.indexname),
          store.table,
        ).toEqual([`${store.table}_searchText_trgm_idx`]);
      }
    }
    expect(await found({ q: last })).toEqual([]);
    expect(await found({ q: "Genève" })).toHaveLength(1);
    await expectTagRowsInStep();
  });
});

describe("search text of rows stored before the search index", () => {
  // The migration computes searchText in SQL for rows the collector wrote before it existed; the
  // collector writes it from the row (lib/resources/search-text.ts). Both must give one text.
  it("is computed by the migration's SQL exactly as the collector writes it (the same lines)", async () => {
    const db = getDb();
    const provider = getDatabaseTarget().provider;
    const migration = fs.readFileSync(
      path.join("prisma", provider, "migrations", "20261207021000_search_indexes", "migration.sql"),
      "utf8",
    );
    const update = migration.split(";\n").find((statement) => statement.startsWith('UPDATE "Ec2Instance"'))!;
    const written = await db.ec2Instance.findMany({ select: { id: true, searchText: true } });
    expect(written.length).toBeGreaterThan(20);
    await db.$executeRawUnsafe(update);
    const recomputed = new Map(
      (await db.ec2Instance.findMany({ select: { id: true, searchText: true } })).map((row) => [
        row.id,
        row.searchText,
      ]),
    );
    const lines = (text: string | undefined) => [...new Set((text ?? "").split("\n"))].sort();
    for (const row of written) expect(lines(recomputed.get(row.id)), row.id).toEqual(lines(row.searchText));
  });
});

describe("tags of rows stored before the tag index", () => {
  // The migration that added InventoryTag filled it in SQL; the collector writes it from the row
  // (lib/resources/tag-rows.ts). Both must give the same rows.
  it("are computed by the migration's SQL exactly as the collector writes them", async () => {
    const db = getDb();
    const provider = getDatabaseTarget().provider;
    const migration = fs.readFileSync(
      path.join("prisma", provider, "migrations", "20261207070000_inventory_tags", "migration.sql"),
      "utf8",
    );
    const inserts = migration.split(";\n").filter((statement) => statement.startsWith('INSERT INTO "InventoryTag"'));
    expect(inserts).toHaveLength(RESOURCE_LIST.length);
    await expectTagRowsInStep();
    await db.inventoryTag.deleteMany();
    for (const insert of inserts) await db.$executeRawUnsafe(insert);
    await expectTagRowsInStep();
  });
});
