import fs from "node:fs";
import type { DatabaseTarget } from "../../lib/db/database-target";
import { applyMigrations, getDatabaseTarget } from "../../lib/db";

// Which database a command works on, in words, with any password hidden. A command run without
// the server's DATA_DIR or DATABASE_URL works on another database; saying which one up front
// makes that visible instead of silent.
export function describeDatabase(target: DatabaseTarget, fileExisted = true): string {
  if (target.provider === "sqlite")
    return `SQLite file ${target.file}${fileExisted ? "" : " (new: it did not exist, so it holds nothing yet)"}`;
  return `PostgreSQL ${redactUrl(target.url)}`;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) parsed.searchParams.set(key, "****");
    }
    return parsed.toString();
  } catch {
    // Unparseable: keep the scheme and host-ish part only, never what could be a password.
    return url.replace(/\/\/[^@/]*@/, "//****@");
  }
}

// Every database command starts here: names the database on stderr (stdout stays for what the
// command prints, e.g. a token or an export), then brings its schema up to date. A database that
// cannot be named or migrated ends the command with one line, exit 1.
export function openDatabaseForCli(prefix: string): void {
  try {
    const target = getDatabaseTarget();
    const existed = target.provider === "postgresql" || fs.existsSync(target.file);
    console.error(`[${prefix}] Database: ${describeDatabase(target, existed)}`);
    applyMigrations();
  } catch (error) {
    console.error(`[${prefix}] Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
