import path from "node:path";

// Which database a DATABASE_URL points at. Shared by prisma.config.ts (migrations) and the
// runtime client, so both always agree. No DATABASE_URL means the embedded SQLite file.
export type DatabaseTarget = { provider: "sqlite"; file: string } | { provider: "postgresql"; url: string };

export const DEFAULT_SQLITE_FILE = "cirrus.db";

export function resolveDatabaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  const url = databaseUrl?.trim();
  if (!url) return { provider: "sqlite", file: path.resolve(dataDir, DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgresql", url };
  if (url.startsWith("file:")) return { provider: "sqlite", file: path.resolve(url.slice("file:".length)) };
  throw new Error(
    `DATABASE_URL must be a postgres:// or postgresql:// URL, or file:<path> for SQLite (got "${url.split(":")[0]}:...")`,
  );
}

export function schemaPathFor(target: DatabaseTarget): string {
  return path.join("prisma", target.provider, "schema.prisma");
}
