import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Integration tests run against whatever DATABASE_URL names (npm test runs them once on a
// fresh SQLite file and once on a throwaway PostgreSQL). Without one, a temporary SQLite file.
// Migrations are applied exactly as at server start.
export default async function setup() {
  if (!process.env.DATA_DIR) process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-int-"));
  const { applyMigrations } = await import("../../lib/db/migrate");
  applyMigrations();
}
