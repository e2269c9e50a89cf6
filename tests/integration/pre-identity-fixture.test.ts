// The fixture of issue 11's upgrade test (a database filled by the data model of before one
// row per AWS resource) loads into a database at its own migration level, row for row. Runs
// no later migration, so it holds whatever the schema becomes.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/crypto/keyring";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { disconnectDb, getDatabaseTarget, getDb, getSqliteDirect } from "@/lib/db";
import {
  freshDatabaseAt,
  loadFixtureRows,
  readFixtureRows,
  readTableAsFixture,
  removeFreshDatabase,
} from "../support/load-fixture-rows";

const fixture = readFixtureRows("tests/fixtures/pre-identity");
const previousUrl = process.env.DATABASE_URL;
let url: string;

// Stable order for comparing whole tables, whatever order the database returns rows in.
const sorted = (rows: Record<string, unknown>[]) =>
  rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();

beforeAll(async () => {
  url = await freshDatabaseAt(fixture.migration);
  // Before the first database call of this file: the app reads DATABASE_URL once.
  process.env.DATABASE_URL = url;
  await loadFixtureRows(fixture);
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = previousUrl;
  if (url) removeFreshDatabase(url);
});

describe("the pre-identity fixture", () => {
  it("loads into a database migrated only up to the fixture's migration", async () => {
    const sql = "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name";
    const applied =
      getDatabaseTarget().provider === "sqlite"
        ? (getSqliteDirect().prepare(sql).all() as { migration_name: string }[])
        : await getDb().$queryRawUnsafe<{ migration_name: string }[]>(sql);
    expect(applied.at(-1)?.migration_name).toBe(fixture.migration);
    expect(getDatabaseTarget()).toMatchObject(
      url.startsWith("file:")
        ? { provider: "sqlite", file: url.slice("file:".length) }
        : { provider: "postgresql", url },
    );
  });

  it.each(Object.keys(fixture.tables))("holds every %s row of the fixture, value for value", async (table) => {
    const stored = await readTableAsFixture(fixture, table);
    expect(stored.length).toBe(fixture.tables[table].length);
    expect(sorted(stored)).toEqual(sorted(fixture.tables[table]));
  });

  it("has the same resource under three connections, rows removed under some only, and change events", () => {
    const byInstance = new Map<string, Record<string, unknown>[]>();
    for (const row of fixture.tables.Ec2Instance) {
      const key = `${row.accountId}|${row.region}|${row.instanceId}`;
      byInstance.set(key, [...(byInstance.get(key) ?? []), row]);
    }
    expect([...byInstance.values()].some((rows) => rows.length === 3)).toBe(true);
    expect(
      [...byInstance.values()].some((rows) => rows.some((row) => row.removedAt) && rows.some((row) => !row.removedAt)),
    ).toBe(true);
    expect(fixture.tables.ChangeEvent.length).toBeGreaterThan(0);
    expect(fixture.tables.Connection).toHaveLength(3);
  });

  it("has connection secrets that the fixture's test-only master key opens", () => {
    const keyring = parseKeyring(
      fs.readFileSync("tests/fixtures/pre-identity/master.key", "utf8").trim(),
      "master.key",
    );
    // The three connections use the simulator's one collector key.
    const secrets = fixture.tables.Connection.map((row) => decryptSecret(String(row.secretAccessKeyEnc), keyring));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0].length).toBeGreaterThan(20);
  });
});
