// Writes a new migration for both providers, offline: `npm run db:migration -- <name>`.
// `prisma migrate dev` needs a shadow database and a native engine, neither of which works
// here, so each migration keeps a copy of the schema it was made from (schema.snapshot.prisma)
// and the next migration is the datamodel diff from that snapshot to the current schema.
import fs from "node:fs";
import path from "node:path";
import { runPrisma } from "./prisma-cli.mjs";
import { startThrowawayPostgres } from "./throwaway-postgres.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

// The JS schema engine connects to a database even for a datamodel-only diff.
const postgres = await startThrowawayPostgres();
const urls = { sqlite: "file:./data/migration-scratch.db", postgresql: postgres.url };

try {
  for (const provider of ["sqlite", "postgresql"]) {
    const dir = path.join("prisma", provider, "migrations");
    fs.mkdirSync(dir, { recursive: true });
    const previous = fs
      .readdirSync(dir)
      .filter((entry) => fs.existsSync(path.join(dir, entry, "schema.snapshot.prisma")))
      .sort()
      .at(-1);
    const from = previous
      ? ["--from-schema-datamodel", path.join(dir, previous, "schema.snapshot.prisma")]
      : ["--from-empty"];
    const schema = path.join("prisma", provider, "schema.prisma");
    const sql = runPrisma(provider, ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
      stdio: "pipe",
      withSchema: false,
      env: { ...process.env, DATABASE_URL: urls[provider] },
    });
    if (/^-- This is an empty migration\.\s*$/.test(sql.trim())) {
      console.log(`${provider}: schema unchanged, no migration written`);
      continue;
    }
    const target = path.join(dir, `${stamp}_${name}`);
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    fs.copyFileSync(schema, path.join(target, "schema.snapshot.prisma"));
    fs.writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider}"\n`);
    console.log(`${provider}: wrote ${target}/migration.sql`);
  }
} finally {
  postgres.stop();
  fs.rmSync("data/migration-scratch.db", { force: true });
}
