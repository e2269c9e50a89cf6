import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { resolveDatabaseTarget, schemaPathFor } from "./lib/db/database-target";
import { createPgPool } from "./lib/db/pg-pool";

// Prisma 6 with the JavaScript schema engine: works offline (no engine download). The schema
// and migrations folder follow DATABASE_URL, exactly as the runtime client does.
const target = resolveDatabaseTarget(process.env.DATABASE_URL, process.env.DATA_DIR ?? "data");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaPathFor(target),
  adapter: async () => {
    if (target.provider === "postgresql") return new PrismaPg(createPgPool(target.url, 2));
    // SQLite cannot create the file's folder; without it Prisma says only "External error id#0".
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.file });
  },
});
