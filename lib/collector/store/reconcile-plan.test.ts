import { describe, expect, it } from "vitest";
import type { ReservedInstanceRow } from "../rows";
import { planReconcile, type StoredRow } from "./reconcile-plan";
import { RESOURCE_KINDS } from "./resource-kinds";
import { newRowId } from "./row-id";

const kind = RESOURCE_KINDS["reserved-instance"];
const now = new Date("2026-11-23T10:00:00Z");
const ctx = { connectionId: "c1", accountId: "111111111111", region: "eu-west-1", resourceType: "reserved-instance" as const, runId: "run-2", now };

function ri(id: string, instanceCount: number, state = "active"): ReservedInstanceRow {
  return {
    reservedInstancesId: id, instanceType: "m5.large", instanceCount, scope: "Region", availabilityZone: null, instanceTenancy: "default", productDescription: "Linux/UNIX",
    start: null, end: null, durationSeconds: null, state, offeringClass: null, offeringType: null, fixedPrice: null, usagePrice: null, recurringCharges: [], currencyCode: null, tags: {}, raw: { ReservedInstancesId: id },
  };
}

const dataOf = (row: ReservedInstanceRow) => {
  const { raw: _raw, ...data } = row;
  void _raw;
  return JSON.stringify(data);
};
const stored = (id: string, row: ReservedInstanceRow, removedAt: unknown = null): StoredRow => ({ id, resourceId: row.reservedInstancesId, data: dataOf(row), removedAt });

describe("planReconcile", () => {
  it("creates new resources, touches unchanged ones, rewrites changed ones and removes absent ones", () => {
    const before = [stored("row-a", ri("ri-a", 2)), stored("row-b", ri("ri-b", 1)), stored("row-gone", ri("ri-gone", 4))];
    const plan = planReconcile(kind, before, [ri("ri-a", 2), ri("ri-b", 3), ri("ri-new", 5), ri("ri-new", 5)], ctx);

    expect(plan.touchedIds).toEqual(["row-a"]);
    expect(plan.updates.map((update) => [update.id, update.values.instanceCount])).toEqual([["row-b", 3]]);
    expect(plan.creates).toHaveLength(1); // the duplicate listing of ri-new counts once
    expect(plan.creates[0]).toMatchObject({ reservedInstancesId: "ri-new", connectionId: "c1", firstSeenAt: now, lastSeenAt: now, lastRunId: "run-2", removedAt: null });
    expect(plan.removedIds).toEqual(["row-gone"]);
    expect(plan.events.map((event) => [event.resourceId, event.kind, event.changes])).toEqual([
      ["ri-b", "changed", JSON.stringify([{ field: "instanceCount", from: 1, to: 3 }])],
      ["ri-gone", "removed", null],
    ]);
  });

  it("brings a removed resource back with a reappeared event, and leaves removed ones that stay away alone", () => {
    const before = [stored("row-back", ri("ri-back", 1), "2026-11-20T00:00:00.000+00:00"), stored("row-still-gone", ri("ri-old", 1), new Date("2026-11-01T00:00:00Z"))];
    const plan = planReconcile(kind, before, [ri("ri-back", 1)], ctx);

    expect(plan.updates.map((update) => [update.id, update.values.removedAt])).toEqual([["row-back", null]]);
    expect(plan.events.map((event) => [event.resourceId, event.kind])).toEqual([["ri-back", "reappeared"]]);
    expect(plan.removedIds).toEqual([]);
    expect(plan.touchedIds).toEqual([]);
  });

  it("writes nothing but touches for an unchanged scope", () => {
    const rows = [ri("ri-a", 1), ri("ri-b", 2)];
    const plan = planReconcile(kind, rows.map((row, i) => stored(`row-${i}`, row)), rows, ctx);
    expect(plan).toMatchObject({ creates: [], updates: [], removedIds: [], events: [], touchedIds: ["row-0", "row-1"] });
  });
});

describe("newRowId", () => {
  it("gives unique ids that sort in creation order", () => {
    const ids = Array.from({ length: 5000 }, newRowId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
