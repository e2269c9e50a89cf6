// Issue 11: DB instances stored under their identifier upgrade to their DbiResourceId. Two cases
// the plain fixture lacks are added to it before the upgrade: a DB renamed while it was still
// keyed by name (so stored as the old name removed and the new name created, one DbiResourceId
// for both), which becomes one resource again whose history shows the rename; and a DB whose
// stored observation has no DbiResourceId, which keeps its identifier as its id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { disconnectDb, getDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { freshDatabaseAt, loadFixtureRows, readFixtureRows, removeFreshDatabase } from "../support/load-fixture-rows";

type Row = Record<string, unknown> & {
  id: string;
  connectionId: string;
  accountId: string;
  region: string;
  dbInstanceIdentifier: string;
  data: string;
  firstSeenAt: string;
  lastSeenAt: string;
  removedAt: string | null;
  lastRunId: string;
};

const dir = "tests/fixtures/pre-identity";
const fixture = readFixtureRows(dir);
const connections = (
  JSON.parse(fs.readFileSync(`${dir}/world.json`, "utf8")) as { connections: Record<"a" | "b" | "c", { id: string }> }
).connections;
const dbRows = fixture.tables.DbInstance as Row[];
const nameKey = (row: Row) => `${row.accountId}|${row.region}|${row.dbInstanceIdentifier}`;
const dataOf = (row: Row) => JSON.parse(row.data) as Record<string, unknown>;
const previousUrl = process.env.DATABASE_URL;
let url: string;

// A DB every connection collected: a and b saw it in both their runs, c only in its one run.
const byName = new Map<string, Row[]>();
for (const row of dbRows) byName.set(nameKey(row), [...(byName.get(nameKey(row)) ?? []), row]);
const [renamedKey, renamedRows] = [...byName].find(
  ([, rows]) => rows.length === 3 && rows.every((row) => row.removedAt === null),
)!;
const renamed = {
  accountId: renamedRows[0].accountId,
  region: renamedRows[0].region,
  from: renamedRows[0].dbInstanceIdentifier,
  to: `${renamedRows[0].dbInstanceIdentifier}-renamed`,
  dbi: String(dataOf(renamedRows[0]).dbiResourceId),
};
const [withoutDbiKey, withoutDbiRows] = [...byName].find(([key]) => key !== renamedKey)!;
const originalFirstSeen = new Map(renamedRows.map((row) => [row.connectionId, row.firstSeenAt]));

// As the per-connection model stored a rename between a's (and b's) two runs: the old name's row
// last seen in the first run and removed (with a "removed" event) in the second, where a row of
// the new name appears. c never ran again, so its row of the old name stays live.
const renamedBy = [connections.a.id, connections.b.id];
const renameEvents: Row[] = [];
for (const row of renamedRows.filter((candidate) => renamedBy.includes(candidate.connectionId))) {
  const at = row.lastSeenAt;
  dbRows.push({
    ...row,
    id: `${row.id}-renamed`,
    dbInstanceIdentifier: renamed.to,
    data: JSON.stringify({ ...dataOf(row), dbInstanceIdentifier: renamed.to }),
    firstSeenAt: at,
    lastSeenAt: at,
    removedAt: null,
  });
  Object.assign(row, { lastSeenAt: row.firstSeenAt, removedAt: at });
  renameEvents.push({
    ...row,
    id: `${row.id}-removed`,
    at,
    runId: row.lastRunId,
    resourceType: "rds-db-instance",
    resourceId: renamed.from,
    kind: "removed",
    changes: null,
  });
}
fixture.tables.ChangeEvent.push(
  ...renameEvents.map(
    ({ id, at, runId, connectionId, resourceType, accountId, region, resourceId, kind, changes }) => ({
      id,
      at,
      runId,
      connectionId,
      resourceType,
      accountId,
      region,
      resourceId,
      kind,
      changes,
    }),
  ),
);
for (const row of withoutDbiRows) row.data = JSON.stringify({ ...dataOf(row), dbiResourceId: null });

beforeAll(async () => {
  url = await freshDatabaseAt(fixture.migration);
  process.env.DATABASE_URL = url;
  await loadFixtureRows(fixture);
  await disconnectDb();
  applyMigrations();
}, 180_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = previousUrl;
  if (url) removeFreshDatabase(url);
});

describe("upgrading DB instances to their DbiResourceId", () => {
  it("makes a DB renamed before the upgrade one resource under its newest name, first seen when its first name was, seen by every connection", async () => {
    const rows = await getDb().dbInstance.findMany({
      where: { accountId: renamed.accountId, region: renamed.region, dbiResourceId: renamed.dbi },
    });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row.dbInstanceIdentifier).toBe(renamed.to);
    expect(row.removedAt).toBeNull();
    expect(row.firstSeenAt.toISOString()).toBe([...originalFirstSeen.values()].sort()[0]);
    expect(row.seenBy.split("|").filter(Boolean).sort()).toEqual(renamedRows.map((r) => r.connectionId).sort());
    expect(
      await getDb().dbInstance.count({
        where: { dbInstanceIdentifier: renamed.from, accountId: renamed.accountId, region: renamed.region },
      }),
    ).toBe(0);
    // One row per DB: as many as the distinct DbiResourceIds in the fixture (the stripped one counts by name).
    const identities = new Set(
      dbRows.map((r) =>
        nameKey(r) === withoutDbiKey ? nameKey(r) : `${r.accountId}|${r.region}|${String(dataOf(r).dbiResourceId)}`,
      ),
    );
    expect(await getDb().dbInstance.count()).toBe(identities.size);
  });

  it("keeps one sighting per connection, live where the connection last saw it under either name", async () => {
    const sightings = await getDb().sighting.findMany({
      where: {
        resourceType: "rds-db-instance",
        accountId: renamed.accountId,
        region: renamed.region,
        resourceId: renamed.dbi,
      },
      orderBy: { connectionId: "asc" },
    });
    expect(sightings.map((s) => s.connectionId)).toEqual(renamedRows.map((r) => r.connectionId).sort());
    for (const sighting of sightings) {
      expect(sighting.endedAt, sighting.connectionId).toBeNull();
      expect(sighting.firstSeenAt.toISOString(), sighting.connectionId).toBe(
        originalFirstSeen.get(sighting.connectionId),
      );
    }
    expect(
      await getDb().sighting.count({
        where: { resourceType: "rds-db-instance", resourceId: { in: [renamed.from, renamed.to] } },
      }),
    ).toBe(0);
  });

  it("records the old name's removal as the rename it was", async () => {
    const events = await getDb().changeEvent.findMany({
      where: {
        resourceType: "rds-db-instance",
        accountId: renamed.accountId,
        region: renamed.region,
        resourceId: renamed.dbi,
      },
    });
    expect(events).toHaveLength(renamedBy.length);
    expect(events.map((event) => event.id).sort()).toEqual(renameEvents.map((event) => event.id).sort());
    for (const event of events) {
      expect(event.kind).toBe("changed");
      expect(JSON.parse(event.changes!)).toEqual([
        { field: "dbInstanceIdentifier", from: renamed.from, to: renamed.to },
      ]);
    }
  });

  it("identifies a DB whose observation lacks a DbiResourceId by its identifier, history included", async () => {
    const [accountId, region, name] = withoutDbiKey.split("|");
    const row = await getDb().dbInstance.findFirstOrThrow({ where: { accountId, region, dbInstanceIdentifier: name } });
    expect(row.dbiResourceId).toBe(name);
    expect(
      await getDb().sighting.count({ where: { resourceType: "rds-db-instance", accountId, region, resourceId: name } }),
    ).toBe(withoutDbiRows.length);
  });
});
