import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const PROVIDERS = ["sqlite", "postgresql"] as const;

// The two providers' schemas differ only in their header comment, datasource provider and
// generator output; everything else (models, fields, indexes) must be identical.
function models(provider: (typeof PROVIDERS)[number]): string {
  const schema = fs.readFileSync(path.join("prisma", provider, "schema.prisma"), "utf8");
  return schema
    .replace(/^\/\/.*$/gm, "")
    .replace(/(generator|datasource) \w+ \{[^}]*\}/g, "")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

function newestSnapshot(provider: string): string {
  const dir = path.join("prisma", provider, "migrations");
  const newest = fs
    .readdirSync(dir)
    .filter((entry) => /^\d{14}_/.test(entry))
    .sort()
    .at(-1)!;
  return fs.readFileSync(path.join(dir, newest, "schema.snapshot.prisma"), "utf8");
}

describe("database schemas", () => {
  it("keeps the SQLite and PostgreSQL models identical", () => {
    expect(models("postgresql")).toEqual(models("sqlite"));
    expect(models("sqlite")).toContain("model User");
  });

  it.each(PROVIDERS)("has a migration for every change to the %s schema", (provider) => {
    const current = fs.readFileSync(path.join("prisma", provider, "schema.prisma"), "utf8");
    expect(newestSnapshot(provider), "run `npm run db:migration -- <name>`").toEqual(current);
  });

  it("has the same migration folders for both providers", () => {
    const names = (provider: string) =>
      fs.readdirSync(path.join("prisma", provider, "migrations")).filter((entry) => /^\d{14}_/.test(entry));
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
