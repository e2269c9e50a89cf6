import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "../env";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-target";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { createPgPool } from "./pg-pool";
import { closeSqliteDirect } from "./sqlite-direct";

// Both providers' clients are generated and bundled, so one build serves either database;
// DATABASE_URL picks one at run time. The two schemas are kept identical (schema-sync test),
// so the SQLite client's type describes both.
export type Db = SqliteClient;

export function getDatabaseTarget(): DatabaseTarget {
  const env = getEnv();
  return resolveDatabaseTarget(env.DATABASE_URL, env.dataDir);
}

function createClient(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg(createPgPool(target.url)) }) as unknown as Db;
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  // A generous busy timeout: the scheduler, the CLI and web requests share one SQLite file.
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.file, timeout: 15_000 }) });
  // In WAL mode NORMAL stays corruption-safe and skips an fsync per commit (SQLite's advice for
  // WAL); a power cut may lose only the last commits, which the next run collects again.
  void client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
  // Past 1,000 WAL pages (SQLite's default) the connection that commits copies the WAL into the
  // database first, on this thread: during a collection that was every small Prisma write after
  // a scope's bulk write (the run's request counter took 22 ms per update, 17.6 s of a 160k-
  // instance run's main thread). A worker thread checkpoints while the collector writes
  // (sqlite-checkpointer.ts); elsewhere the WAL is copied inline once it reaches this size, as
  // the collector's own connection does.
  void client.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 10000").catch(() => {});
  return client;
}

const globalForDb = globalThis as unknown as { cirrusDb?: Db };

export function getDb(): Db {
  globalForDb.cirrusDb ??= createClient(getDatabaseTarget());
  return globalForDb.cirrusDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.cirrusDb?.$disconnect();
  globalForDb.cirrusDb = undefined;
  closeSqliteDirect();
}
