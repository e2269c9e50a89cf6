import { describe, expect, it } from "vitest";
import { resource } from "../../resources/registry";
import type { ReservedInstanceRow } from "../../resources/rows";
import { planReconcile, type StoredRow, type StoredSighting } from "./reconcile-plan";
import { newRowId } from "./row-id";

const store = resource("reserved-instance").store;
const now = new Date("2026-11-23T10:00:00Z");
const ctx = {
  connectionId: "c1",
  accountId: "111111111111",
  region: "eu-west-1",
  resourceType: "reserved-instance" as const,
  runId: "run-2",
  now,
};

function ri(id: string, instanceCount: number, state = "active"): ReservedInstanceRow {
  return {
    reservedInstancesId: id,
    instanceType: "m5.large",
    instanceCount,
    scope: "Region",
    availabilityZone: null,
    instanceTenancy: "default",
    productDescription: "Linux/UNIX",
    start: null,
    end: null,
    durationSeconds: null,
    state,
    offeringClass: null,
    offeringType: null,
    fixedPrice: null,
    usagePrice: null,
    recurringCharges: [],
    currencyCode: null,
    tags: {},
    raw: { ReservedInstancesId: id },
  };
}

const dataOf = (row: ReservedInstanceRow) => {
  const { raw: _raw, ...data } = row;
  void _raw;
  return JSON.stringify(data);
};
const stored = (id: string, row: ReservedInstanceRow, removedAt: unknown = null, seenBy = "|c1|"): StoredRow => ({
  id,
  resourceId: row.reservedInstancesId,
  data: dataOf(row),
  removedAt,
  seenBy,
});
const sighting = (resourceId: string, connectionId = "c1", endedAt: unknown = null): StoredSighting => ({
  resourceId,
  connectionId,
  endedAt,
});
// c1's own sightings of the stored rows (live unless the row is removed).
const mine = (rows: StoredRow[]) => rows.map((row) => sighting(row.resourceId, "c1", row.removedAt));

describe("planReconcile", () => {
  it("creates new resources, touches unchanged ones, rewrites changed ones and removes absent ones", () => {
    const before = [
      stored("row-a", ri("ri-a", 2)),
      stored("row-b", ri("ri-b", 1)),
      stored("row-gone", ri("ri-gone", 4)),
    ];
    const plan = planReconcile(
      store,
      before,
      mine(before),
      [ri("ri-a", 2), ri("ri-b", 3), ri("ri-new", 5), ri("ri-new", 5)],
      ctx,
    );

    expect(plan.touchedIds).toEqual(["row-a"]);
    expect(plan.updates.map((update) => [update.id, update.values.instanceCount])).toEqual([["row-b", 3]]);
    expect(plan.creates).toHaveLength(1); // the duplicate listing of ri-new counts once
    expect(plan.creates[0]).toMatchObject({
      reservedInstancesId: "ri-new",
      connectionId: "c1",
      firstSeenAt: now,
      lastSeenAt: now,
      lastRunId: "run-2",
      removedAt: null,
    });
    expect(plan.removedIds).toEqual(["row-gone"]);
    expect(plan.events.map((event) => [event.resourceId, event.kind, event.changes])).toEqual([
      ["ri-b", "changed", JSON.stringify([{ field: "instanceCount", from: 1, to: 3 }])],
      ["ri-gone", "removed", null],
    ]);
  });

  it("brings a removed resource back with a reappeared event, and leaves removed ones that stay away alone", () => {
    const before = [
      stored("row-back", ri("ri-back", 1), "2026-11-20T00:00:00.000+00:00"),
      stored("row-still-gone", ri("ri-old", 1), new Date("2026-11-01T00:00:00Z")),
    ];
    const plan = planReconcile(store, before, mine(before), [ri("ri-back", 1)], ctx);

    expect(plan.updates.map((update) => [update.id, update.values.removedAt])).toEqual([["row-back", null]]);
    expect(plan.events.map((event) => [event.resourceId, event.kind])).toEqual([["ri-back", "reappeared"]]);
    expect(plan.removedIds).toEqual([]);
    expect(plan.touchedIds).toEqual([]);
  });

  it("writes nothing but touches for an unchanged scope", () => {
    const rows = [ri("ri-a", 1), ri("ri-b", 2)];
    const before = rows.map((row, i) => stored(`row-${i}`, row));
    const plan = planReconcile(store, before, mine(before), rows, ctx);
    expect(plan).toMatchObject({
      creates: [],
      updates: [],
      removedIds: [],
      events: [],
      touchedIds: ["row-0", "row-1"],
      sightingCreates: [],
      sightingsSeen: ["ri-a", "ri-b"],
      sightingsEnded: [],
    });
  });

  it("counts a resource once when a second connection sees it: no new row, a new sighting, seen by both", () => {
    const before = [stored("row-a", ri("ri-a", 2), null, "|c2|")];
    const plan = planReconcile(store, before, [sighting("ri-a", "c2")], [ri("ri-a", 2)], ctx);
    expect(plan.creates).toEqual([]);
    expect(plan.updates.map((update) => [update.id, update.values.seenBy, update.values.connectionId])).toEqual([
      ["row-a", "|c2|c1|", "c1"],
    ]);
    expect(plan.sightingCreates.map((s) => [s.resourceId, s.connectionId])).toEqual([["ri-a", "c1"]]);
    expect(plan.events).toEqual([]);
  });

  it("the newest observation's fields win, whichever connection made it", () => {
    const before = [stored("row-a", ri("ri-a", 2), null, "|c1|c2|")];
    const plan = planReconcile(store, before, [sighting("ri-a", "c1"), sighting("ri-a", "c2")], [ri("ri-a", 6)], ctx);
    expect(plan.updates.map((update) => update.values.instanceCount)).toEqual([6]);
    expect(plan.events.map((event) => [event.kind, event.connectionId])).toEqual([["changed", "c1"]]);
  });

  it("a resource stays live while another connection still sees it, and is removed when the last one stops", () => {
    const before = [stored("row-a", ri("ri-a", 2), null, "|c1|c2|")];
    const stillSeen = planReconcile(store, before, [sighting("ri-a", "c1"), sighting("ri-a", "c2")], [], ctx);
    expect(stillSeen).toMatchObject({ removedIds: [], events: [], sightingsEnded: ["ri-a"] });

    const lastOne = planReconcile(store, before, [sighting("ri-a", "c1"), sighting("ri-a", "c2", new Date())], [], ctx);
    expect(lastOne).toMatchObject({ removedIds: ["row-a"], sightingsEnded: ["ri-a"] });
    expect(lastOne.events.map((event) => [event.resourceId, event.kind])).toEqual([["ri-a", "removed"]]);
  });

  it("leaves alone resources this connection never saw", () => {
    const before = [stored("row-other", ri("ri-other", 1), null, "|c2|")];
    const plan = planReconcile(store, before, [sighting("ri-other", "c2")], [], ctx);
    expect(plan).toMatchObject({ removedIds: [], updates: [], touchedIds: [], events: [], sightingsEnded: [] });
  });
});

describe("newRowId", () => {
  it("gives unique ids that sort in creation order", () => {
    const ids = Array.from({ length: 5000 }, newRowId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
