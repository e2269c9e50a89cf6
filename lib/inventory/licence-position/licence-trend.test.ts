import { describe, expect, it } from "vitest";
import { RULE_PARAMETERS, ruleParameters } from "@/lib/licensing";
import { BASES, type SnapshotLicenceGroup } from "@/lib/licensing/estate";
import { licenceTrend, type TrendSnapshot } from "./licence-trend";

const RATE = RULE_PARAMETERS.ibm.pvusPerVcpu;
const from = new Date("2026-12-01T00:00:00Z");
const to = new Date("2026-12-08T00:00:00Z");
const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 11, day, hour));

const figure = (quantity: number, lines = 1, missing = 0) => ({ quantity, lines, missing });
const byBasis = (byol: ReturnType<typeof figure>) =>
  Object.fromEntries(BASES.map((b) => [b, b === "BYOL" ? byol : figure(0, 0)])) as SnapshotLicenceGroup["byBasis"];
const sql = (quantity: number, missing = 0): SnapshotLicenceGroup => ({
  product: "sql-server",
  productName: "Microsoft SQL Server",
  edition: "Standard",
  metric: "core licences",
  total: figure(quantity, 2, missing),
  byBasis: byBasis(figure(quantity, 2, missing)),
});
const mq = (vcpus: number): SnapshotLicenceGroup => ({
  product: "ibm-mq",
  productName: "IBM MQ",
  edition: null,
  metric: "PVUs",
  total: figure(vcpus * RATE),
  byBasis: byBasis(figure(vcpus * RATE)),
  vcpus,
});
const snapshot = (takenAt: Date, groups: SnapshotLicenceGroup[] | null): TrendSnapshot => ({
  takenAt,
  licence: groups && { version: 1, pvusPerVcpu: RATE, softwareUnknown: 3, groups },
});
const trend = (snapshots: TrendSnapshot[], params = RULE_PARAMETERS) => licenceTrend(snapshots, { from, to, params });

describe("licenceTrend", () => {
  it("gives each group a point per snapshot and its peak: the highest figure, first reached", () => {
    const quantities = [8, 12, 4, 12];
    const result = trend(quantities.map((q, i) => snapshot(at(2 + i), [sql(q)])));
    const [group] = result.groups;
    expect(group.points.map((p) => p.quantity)).toEqual(quantities);
    const highest = Math.max(...quantities);
    expect(group.peak).toEqual({
      quantity: highest,
      takenAt: at(2 + quantities.indexOf(highest)).toISOString(),
      missing: 0,
      snapshots: quantities.length,
    });
    expect(group.pvuPeak).toBeNull();
    expect(result.gaps).toBe(0);
  });

  it("shows a snapshot without licence figures as a gap in every group, never as 0, and counts it", () => {
    const result = trend([snapshot(at(2), [sql(8), mq(2)]), snapshot(at(3), null), snapshot(at(4), [sql(4), mq(1)])]);
    expect(result.gaps).toBe(1);
    expect(result.snapshots.map((s) => s.computed)).toEqual([true, false, true]);
    expect(result.snapshots[1].softwareUnknown).toBeNull();
    for (const group of result.groups) {
      expect(group.points[1]).toEqual({ takenAt: at(3).toISOString(), quantity: null, lines: null, missing: null });
      expect(group.peak!.snapshots).toBe(2);
    }
    const mqGroup = result.groups.find((g) => g.product === "ibm-mq")!;
    expect(mqGroup.pvuPeak!.samples).toBe(2);
  });

  it("has no peak when no snapshot of the period holds figures", () => {
    const result = trend([snapshot(at(2), null)]);
    expect(result.groups).toEqual([]);
    expect(result.gaps).toBe(1);
    expect(trend([]).snapshots).toEqual([]);
  });

  it("counts a group absent from a snapshot with figures as a true zero (none of its lines then)", () => {
    const result = trend([snapshot(at(2), [sql(8)]), snapshot(at(3), [sql(8), mq(4)])]);
    const mqGroup = result.groups.find((g) => g.product === "ibm-mq")!;
    expect(mqGroup.points[0]).toMatchObject({ quantity: 0, lines: 0, missing: 0 });
    expect(mqGroup.peak).toMatchObject({ quantity: 4 * RATE, takenAt: at(3).toISOString(), snapshots: 2 });
  });

  it("keeps the lines without a figure at the peak beside it", () => {
    const result = trend([snapshot(at(2), [sql(8, 1)])]);
    expect(result.groups[0].peak).toMatchObject({ quantity: 8, missing: 1 });
  });

  it("prices the PVU peak at today's rate from the vCPU samples", () => {
    const vcpus = [2, 6, 4];
    const snapshots = vcpus.map((v, i) => snapshot(at(2 + i), [mq(v)]));
    const peak = trend(snapshots).groups[0].pvuPeak!;
    expect(peak).toMatchObject({ peakVcpus: 6, at: at(3).toISOString(), pvus: 6 * RATE, samples: vcpus.length });
    expect(peak.arithmetic).toContain(`6 vCPUs at ${at(3).toISOString()} × ${RATE} PVUs per vCPU = ${6 * RATE} PVUs`);
    // A rate changed since: the stored vCPUs are priced again, the stored PVU figures are not.
    const repriced = trend(snapshots, ruleParameters({ ibm: { pvusPerVcpu: 100 } })).groups[0];
    expect(repriced.pvuPeak!.pvus).toBe(600);
    expect(repriced.peak!.quantity).toBe(6 * RATE);
  });

  it("includes the starting snapshot from before the period, in time order", () => {
    const before = snapshot(new Date(from.getTime() - 3_600_000), [sql(20)]);
    const result = trend([snapshot(at(2), [sql(8)]), before]);
    expect(result.snapshots[0].takenAt).toBe(before.takenAt.toISOString());
    expect(result.groups[0].peak).toMatchObject({ quantity: 20, takenAt: before.takenAt.toISOString() });
  });

  it("sorts groups by product name, edition and metric", () => {
    const result = trend([snapshot(at(2), [sql(8), mq(1)])]);
    expect(result.groups.map((g) => g.productName)).toEqual(["IBM MQ", "Microsoft SQL Server"]);
  });
});
