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
  if (target.provider === "sqlite") prepareSqliteFile(target.file);
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
function prepareSqliteFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
