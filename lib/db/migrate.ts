import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { getEnv } from "../env";
import { schemaPathFor } from "./database-target";
import { getDatabaseTarget } from "./client";

// Resolved from the project root at run time: bundlers rewrite a static require.resolve.
const projectRequire = () => createRequire(path.join(process.cwd(), "package.json"));

// Applies the committed migrations of the configured provider (`prisma migrate deploy`).
// Runs at every start; it is a no-op when the database is current.
export function applyMigrations(): void {
  const target = getDatabaseTarget();
  if (target.provider === "sqlite") {
    prepareSqliteFile(target.file);
    // Skips the migration engine when nothing is pending: it starts in about 2 s, and it wants a
    // write lock even then, which a busy collector in another process may hold.
    if (sqliteIsCurrent(target.file)) return;
  } else if (postgresIsCurrent(target.url)) {
    // The same check on PostgreSQL: `migrate deploy` took 12-20 s per CLI start on this machine.
    return;
  }
  const cli = projectRequire().resolve("prisma/build/index.js");
  const env = getEnv();
  const result = spawnSync(process.execPath, [cli, "migrate", "deploy", "--schema", schemaPathFor(target)], {
    encoding: "utf8",
    env: {
      ...process.env,
      DATA_DIR: env.dataDir,
      DATABASE_URL: target.provider === "sqlite" ? `file:${target.file}` : target.url,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (result.status !== 0) {
    throw new Error(`Database migration failed:\n${result.stdout}\n${result.stderr}`.trim());
  }
}

// WAL lets readers (web pages) proceed while a collection writes; the mode persists in the file.
// A new file gets 16 KiB pages: an inventory row (typed columns + mapped JSON + the API's JSON)
// is ~2.1 KB, just over half of a 4 KiB page, so the default size stored one row per page and
// wrote twice the bytes (issue 5's ingest bench). The size only applies before the first table.
function prepareSqliteFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    if (sqlite.pragma("page_count", { simple: true }) === 0) sqlite.pragma("page_size = 16384");
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

const APPLIED_SQL =
  "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

// Whether every committed migration folder of the provider is recorded as applied.
function allApplied(provider: "sqlite" | "postgresql", applied: string[]): boolean {
  const folder = path.join(process.cwd(), "prisma", provider, "migrations");
  const done = new Set(applied);
  return fs
    .readdirSync(folder)
    .filter((entry) => /^\d{14}_/.test(entry))
    .every((name) => done.has(name));
}

// pg is asynchronous and this runs before anything else at start, so the query runs in a
// short-lived child process; any failure (no table yet, no server) means "run migrate deploy".
function postgresIsCurrent(url: string): boolean {
  const pg = projectRequire().resolve("pg");
  const script = `const { Client } = require(${JSON.stringify(pg)});
const client = new Client({ connectionString: process.env.CIRRUS_CHECK_URL });
client.connect().then(() => client.query(${JSON.stringify(APPLIED_SQL)}))
  .then((result) => { process.stdout.write(JSON.stringify(result.rows.map((row) => row.migration_name))); return client.end(); })
  .catch(() => process.exit(3));`;
  const result = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    timeout: 20_000,
    env: { ...process.env, CIRRUS_CHECK_URL: url },
  });
  if (result.status !== 0) return false;
  try {
    return allApplied("postgresql", JSON.parse(result.stdout) as string[]);
  } catch {
    return false;
  }
}

function sqliteIsCurrent(file: string): boolean {
  const sqlite = new Database(file, { readonly: true });
  try {
    const table = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return false;
    const applied = (sqlite.prepare(APPLIED_SQL).all() as { migration_name: string }[]).map(
      (row) => row.migration_name,
    );
    return allApplied("sqlite", applied);
  } finally {
    sqlite.close();
  }
}
