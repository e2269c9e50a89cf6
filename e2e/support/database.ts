import fs from "node:fs";
import Database from "better-sqlite3";

// The e2e server's own SQLite file (written by server.mjs), for rows no page creates, such as
// a worker process on another machine. Prisma's SQLite adapter stores times as ISO 8601 with
// +00:00; rows written here use the same text so the app's comparisons hold.
export function e2eDatabase(): Database.Database {
  const db = new Database(fs.readFileSync("e2e/.auth/database-file", "utf8"), { timeout: 15_000 });
  db.pragma("journal_mode = WAL");
  return db;
}

export const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");
