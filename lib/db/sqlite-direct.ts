import Database from "better-sqlite3";
import { getEnv } from "../env";
import { resolveDatabaseTarget } from "./database-target";
import { startCheckpointer, type Checkpointer } from "./sqlite-checkpointer";

// A second, synchronous connection to the SQLite file for the collector's bulk writes: a
// scope's whole reconcile runs as one BEGIN IMMEDIATE ... COMMIT with prepared statements, so
// nothing else in this process interleaves with it, and none of Prisma's per-query work is paid
// for each row. Other writers (Prisma in this process, the web app, a CLI) are waited for
// asynchronously (busy_timeout 0 here, the caller retries), so the event loop never blocks on
// a lock another task in this process holds.
type Direct = {
  file: string;
  db: Database.Database;
  statements: Map<string, Database.Statement>;
  checkpointer: Checkpointer;
};
const globalForDirect = globalThis as unknown as { cirrusSqliteDirect?: Direct };

export type SqliteDirect = { db: Database.Database; prepare(sql: string): Database.Statement };

export function getSqliteDirect(): SqliteDirect {
  const env = getEnv();
  const target = resolveDatabaseTarget(env.DATABASE_URL, env.dataDir);
  if (target.provider !== "sqlite") throw new Error("getSqliteDirect: the database is not SQLite");
  let current = globalForDirect.cirrusSqliteDirect;
  if (!current || current.file !== target.file) {
    closeSqliteDirect();
    const db = new Database(target.file, { timeout: 0 });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("cache_size = -65536"); // 64 MB: index pages of large scopes stay in memory
    db.pragma("wal_autocheckpoint = 10000");
    current = { file: target.file, db, statements: new Map(), checkpointer: startCheckpointer(target.file) };
    globalForDirect.cirrusSqliteDirect = current;
  }
  const { db, statements } = current;
  return {
    db,
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    },
  };
}

export function closeSqliteDirect(): void {
  const current = globalForDirect.cirrusSqliteDirect;
  globalForDirect.cirrusSqliteDirect = undefined;
  current?.db.close();
  void current?.checkpointer.stop();
}

export const isSqliteBusy = (error: unknown) =>
  (error as { code?: string } | null)?.code?.startsWith("SQLITE_BUSY") ?? false;
