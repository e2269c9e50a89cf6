// Loads a fixture dumped by scripts/make-pre-identity-fixture.ts into a database that is at the
// fixture's migration level, with plain SQL (the tables are those of that level, which the
// current Prisma client may no longer describe). Also makes such a database: a fresh SQLite
// file or PostgreSQL database migrated only up to a named migration.
//
// Use (the app reads DATABASE_URL once per test file, so set it before the first database call):
//   const fixture = readFixtureRows("tests/fixtures/pre-identity");
//   process.env.DATABASE_URL = await freshDatabaseAt(fixture.migration);
//   await loadFixtureRows(fixture);              // getDb() / getSqliteDirect() now use it
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { getDatabaseTarget, getDb, getSqliteDirect } from "@/lib/db";
import { resolveDatabaseTarget } from "@/lib/db/database-target";

export type FixtureRows = {
  /** The newest migration the database had when the rows were dumped. */
  migration: string;
  /** Per table, the columns whose JSON value is an ISO date ("DateTime") or a boolean ("Boolean"). */
  columnTypes: Record<string, Record<string, "DateTime" | "Boolean">>;
  /** Per table (Prisma model name = table name), every row, dates as ISO strings. */
  tables: Record<string, Record<string, unknown>[]>;
};

export function readFixtureRows(dir: string): FixtureRows {
  return JSON.parse(fs.readFileSync(path.join(dir, "rows.json"), "utf8")) as FixtureRows;
}

const MIGRATION_FOLDER = /^\d{14}_/;

/**
 * A new, empty database next to the configured one (process.env.DATABASE_URL: a temporary
 * SQLite file when it names none, else a new database on the same PostgreSQL server), migrated
 * with the provider's migrations up to and including `migration`, none after. Returns its URL.
 */
export async function freshDatabaseAt(migration: string): Promise<string> {
  const current = resolveDatabaseTarget(process.env.DATABASE_URL, process.env.DATA_DIR ?? "data");
  const url =
    current.provider === "sqlite"
      ? `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-fixture-db-")), "cirrus.db")}`
      : await createPostgresDatabase(current.url);
  migrateUpTo(current.provider, url, migration);
  return url;
}

/**
 * Removes a SQLite database made by freshDatabaseAt. A PostgreSQL one stays on the server (the
 * tests' cluster is thrown away): the app's pg pool keeps idle connections to it after
 * disconnectDb(), and dropping it under them makes the pool report the terminated connections.
 */
export function removeFreshDatabase(url: string): void {
  const target = resolveDatabaseTarget(url, ".");
  if (target.provider === "sqlite") fs.rmSync(path.dirname(target.file), { recursive: true, force: true });
}

async function createPostgresDatabase(serverUrl: string): Promise<string> {
  const name = `cirrus_fixture_${crypto.randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// `prisma migrate deploy` reads the migrations folder next to the schema it is given: a temp
// folder holds the migrations up to `migration` and, as the schema, that migration's snapshot.
function migrateUpTo(provider: "sqlite" | "postgresql", url: string, migration: string): void {
  const source = path.join("prisma", provider, "migrations");
  const names = fs
    .readdirSync(source)
    .filter((entry) => MIGRATION_FOLDER.test(entry))
    .sort();
  if (!names.includes(migration)) throw new Error(`no migration ${migration} in ${source}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-migrations-"));
  try {
    fs.mkdirSync(path.join(dir, "migrations"));
    fs.copyFileSync(path.join(source, "migration_lock.toml"), path.join(dir, "migrations", "migration_lock.toml"));
    for (const name of names.filter((candidate) => candidate <= migration)) {
      fs.cpSync(path.join(source, name), path.join(dir, "migrations", name), { recursive: true });
    }
    fs.copyFileSync(path.join(source, migration, "schema.snapshot.prisma"), path.join(dir, "schema.prisma"));
    const cli = createRequire(path.join(process.cwd(), "package.json")).resolve("prisma/build/index.js");
    const result = spawnSync(
      process.execPath,
      [cli, "migrate", "deploy", "--schema", path.join(dir, "schema.prisma")],
      {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      },
    );
    if (result.status !== 0)
      throw new Error(`migrate deploy up to ${migration} failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Multi-row INSERT in the portable style of lib/collector/store/bulk-sql.ts (kept here: the
// loader must not depend on the writer of the schema it predates).
function insertSql(provider: "sqlite" | "postgresql", table: string, columns: string[], rowCount: number): string {
  let next = 0;
  const placeholder = () => (provider === "postgresql" ? `$${++next}` : "?");
  const tuples = Array.from({ length: rowCount }, () => `(${columns.map(placeholder).join(",")})`);
  return `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(",")}) VALUES ${tuples.join(",")}`;
}

// At most ~30,000 bound values per statement (PostgreSQL allows 65,535).
function batches<T>(rows: T[], valuesPerRow: number): T[][] {
  const size = Math.max(1, Math.min(500, Math.floor(30_000 / valuesPerRow)));
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, index) =>
    rows.slice(index * size, (index + 1) * size),
  );
}

/** Inserts every row of the fixture into the configured database (getDatabaseTarget()). */
export async function loadFixtureRows(fixture: FixtureRows): Promise<void> {
  const target = getDatabaseTarget();
  for (const [table, rows] of Object.entries(fixture.tables)) {
    if (!rows.length) continue;
    const types = fixture.columnTypes[table] ?? {};
    const columns = Object.keys(rows[0]);
    const values = (row: Record<string, unknown>, convert: (value: unknown, type: string | undefined) => unknown) =>
      columns.map((column) => convert(row[column] ?? null, types[column]));
    if (target.provider === "sqlite") {
      const { db, prepare } = getSqliteDirect();
      const insert = prepare(insertSql("sqlite", table, columns, 1));
      db.transaction(() => rows.forEach((row) => insert.run(values(row, toSqlite))))();
    } else {
      for (const part of batches(rows, columns.length)) {
        await getDb().$executeRawUnsafe(
          insertSql("postgresql", table, columns, part.length),
          ...part.flatMap((row) => values(row, toPostgres)),
        );
      }
    }
  }
}

// As Prisma stores them in SQLite (lib/collector/store/sqlite-writer.ts): dates as ISO text with
// "+00:00", booleans as 0 / 1.
function toSqlite(value: unknown, type: string | undefined): unknown {
  if (value === null) return null;
  if (type === "DateTime") return new Date(String(value)).toISOString().replace("Z", "+00:00");
  if (type === "Boolean") return value ? 1 : 0;
  return value;
}

// The PostgreSQL driver adapter converts Date and boolean parameters as Prisma's queries do.
function toPostgres(value: unknown, type: string | undefined): unknown {
  if (value === null) return null;
  if (type === "DateTime") return new Date(String(value));
  return value;
}

/** Every row of a table as stored, in the fixture's JSON form (ISO dates, booleans), for comparisons. */
export async function readTableAsFixture(fixture: FixtureRows, table: string): Promise<Record<string, unknown>[]> {
  const types = fixture.columnTypes[table] ?? {};
  const sql = `SELECT * FROM "${table}"`;
  const rows =
    getDatabaseTarget().provider === "sqlite"
      ? (getSqliteDirect().prepare(sql).all() as Record<string, unknown>[])
      : await getDb().$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => {
        if (value === null || value === undefined) return [column, null];
        if (types[column] === "DateTime")
          return [column, new Date(value instanceof Date ? value : String(value)).toISOString()];
        if (types[column] === "Boolean") return [column, Boolean(value)];
        return [column, typeof value === "bigint" ? Number(value) : value];
      }),
    ),
  );
}
