// The licence trend of the demo world: each run's snapshot keeps the licence figures the position
// computes, and when an IBM MQ instance's vCPUs change between two runs the trend has both
// figures, their peak, and the PVU peak priced per vCPU. Expected figures come from the world
// definition and from the position computed on read, never from a previous run's numbers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as trendRoute } from "@/app/api/v1/licence-position/trend/route";
import { createApiToken } from "@/lib/api-tokens";
import { collectConnection } from "@/lib/collector";
import { storeRunSnapshot } from "@/lib/collector/snapshot/store-snapshot";
import { getDb } from "@/lib/db";
import { getLicencePosition, getLicenceTrend, type LicencePositionView } from "@/lib/inventory/licence-position";
import { RULE_PARAMETERS } from "@/lib/licensing";
import { aggregateLines, groupKey, parseSnapshotLicence } from "@/lib/licensing/estate";
import { cpuOf, demoWorldInstances, softwareKnown } from "../support/demo-software-expected";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";

const RATE = RULE_PARAMETERS.ibm.pvusPerVcpu;
const GAP_RUN = "licence-trend-gap";
const BROKEN_RUN = "licence-trend-broken";

// The demo's IBM MQ server whose software Cirrus can know, and the vCPUs it is given between runs.
const mq = demoWorldInstances().find(
  (i) => i.State.Name === "running" && softwareKnown(i) && i.Ssm!.Applications.some((a) => a.Name === "MQSeriesServer"),
)!;
const vcpusBefore = mq ? cpuOf(mq).vcpus : 0;
const CPU_AFTER = { CoreCount: 1, ThreadsPerCore: 1 };
const vcpusAfter = CPU_AFTER.CoreCount * CPU_AFTER.ThreadsPerCore;

type Run = { runId: string; takenAt: Date; position: LicencePositionView };

let fixture: CollectorFixture;
let start: Date;
const runs: Run[] = [];

async function collect(): Promise<Run> {
  const { runId } = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
  const snapshot = await getDb().runSnapshot.findUniqueOrThrow({ where: { runId } });
  return { runId, takenAt: snapshot.takenAt, position: await getLicencePosition() };
}

// A group's total in a position, or none of its lines (a true zero) when the position lacks it.
const totalIn = (position: LicencePositionView, key: string) =>
  aggregateLines(position.lines).find((g) => groupKey(g) === key)?.total ?? { quantity: 0, lines: 0, missing: 0 };

beforeAll(async () => {
  // The trend starts from the last snapshot before its period: other suites' runs must not be it.
  await getDb().runSnapshot.deleteMany();
  fixture = await demoConnection();
  start = new Date();
  runs.push(await collect());
  const instance = fixture.sim.world
    .region(mq.account, mq.region)!
    .instances.find((i) => i.InstanceId === mq.InstanceId)!;
  instance.CpuOptions = { ...CPU_AFTER };
  runs.push(await collect());
});
afterAll(async () => {
  // Its snapshots carry the changed vCPUs: later suites' trends and peaks must not see them.
  await getDb().runSnapshot.deleteMany({ where: { runId: { in: [GAP_RUN, ...runs.map((run) => run.runId)] } } });
  await fixture?.sim.close();
});

describe("licence figures in run snapshots", () => {
  it("the world holds an IBM MQ server whose vCPUs the test changes", () => {
    expect(mq).toBeDefined();
    expect(vcpusAfter).not.toBe(vcpusBefore);
  });

  it("keeps, for every group, the total and figures by basis the position computes, and the software-unknown count", async () => {
    for (const { runId, position } of runs) {
      const snapshot = await getDb().runSnapshot.findUniqueOrThrow({ where: { runId } });
      const kept = parseSnapshotLicence(snapshot.licence);
      expect(kept, "licence figures stored").not.toBeNull();
      const expected = aggregateLines(position.lines).map((g) => ({
        key: groupKey(g),
        productName: g.productName,
        total: g.total,
        byBasis: g.byBasis,
      }));
      expect(expected.length).toBeGreaterThan(0);
      expect(
        kept!.groups.map((g) => ({ key: groupKey(g), productName: g.productName, total: g.total, byBasis: g.byBasis })),
      ).toEqual(expected);
      expect(kept!.softwareUnknown).toBe(position.softwareUnknown.length);
      expect(kept!.pvusPerVcpu).toBe(RATE);
    }
  });

  it("keeps the MQ group's vCPUs, as the world defines them before and after the change", async () => {
    const vcpus = [];
    for (const { runId } of runs) {
      const kept = parseSnapshotLicence((await getDb().runSnapshot.findUniqueOrThrow({ where: { runId } })).licence);
      vcpus.push(kept!.groups.find((g) => g.product === "ibm-mq" && g.metric === "PVUs")!.vcpus);
    }
    expect(vcpus).toEqual([vcpusBefore, vcpusAfter]);
  });
});

describe("the licence trend", () => {
  it("has a point per run for every group, each the figure the position computed then, and its peak", async () => {
    const trend = await getLicenceTrend({ from: start, to: new Date() });
    expect(trend.gaps).toBe(0);
    expect(trend.snapshots).toEqual(
      runs.map((r) => ({
        takenAt: r.takenAt.toISOString(),
        computed: true,
        softwareUnknown: r.position.softwareUnknown.length,
      })),
    );
    const keys = new Set(runs.flatMap((r) => aggregateLines(r.position.lines).map(groupKey)));
    expect(trend.groups.map((g) => g.key).sort()).toEqual([...keys].sort());
    for (const group of trend.groups) {
      const totals = runs.map((r) => totalIn(r.position, group.key));
      expect(group.points).toEqual(runs.map((r, i) => ({ takenAt: r.takenAt.toISOString(), ...totals[i] })));
      const highest = Math.max(...totals.map((t) => t.quantity));
      const first = totals.findIndex((t) => t.quantity === highest);
      expect(group.peak).toEqual({
        quantity: highest,
        takenAt: runs[first].takenAt.toISOString(),
        missing: totals[first].missing,
        snapshots: runs.length,
      });
    }
  });

  it("gives IBM MQ the PVUs of each run and the PVU peak: the higher vCPUs × the rate, at its run", async () => {
    const trend = await getLicenceTrend({ from: start, to: new Date() });
    const group = trend.groups.find((g) => g.product === "ibm-mq" && g.metric === "PVUs")!;
    expect(group.points.map((p) => p.quantity)).toEqual([vcpusBefore * RATE, vcpusAfter * RATE]);
    const peakVcpus = Math.max(vcpusBefore, vcpusAfter);
    const at = runs[peakVcpus === vcpusBefore ? 0 : 1].takenAt.toISOString();
    expect(group.pvuPeak).toMatchObject({ peakVcpus, at, pvus: peakVcpus * RATE, samples: 2 });
    expect(group.pvuPeak!.arithmetic).toContain(`at ${at} × ${RATE} PVUs per vCPU = ${peakVcpus * RATE} PVUs`);
    expect(group.peak).toMatchObject({ quantity: peakVcpus * RATE, takenAt: at });
  });

  it("starts a period with the snapshot current when it began", async () => {
    const trend = await getLicenceTrend({ from: new Date(runs[1].takenAt.getTime() - 1), to: new Date() });
    expect(trend.snapshots.map((s) => s.takenAt)).toEqual(runs.map((r) => r.takenAt.toISOString()));
  });

  it("answers the same through GET /api/v1/licence-position/trend, and refuses a bad period with 400", async () => {
    const { token } = await createApiToken({ name: "licence-trend", role: "viewer" }, null);
    const period = { from: start.toISOString(), to: new Date().toISOString() };
    const call = (query: Record<string, string>, auth = `Bearer ${token}`) =>
      trendRoute(
        new Request(`http://cirrus.test/api/v1/licence-position/trend?${new URLSearchParams(query)}`, {
          headers: { authorization: auth },
        }),
      );
    const response = await call(period);
    expect(response.status, await response.clone().text()).toBe(200);
    const body = await response.json();
    const trend = await getLicenceTrend({ from: new Date(period.from), to: new Date(period.to) });
    expect(body).toEqual(
      JSON.parse(
        JSON.stringify({ from: trend.from, to: trend.to, snapshots: trend.snapshots, gaps: 0, data: trend.groups }),
      ),
    );
    const bad = await call({ from: "last-week" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "validation", fieldErrors: { from: [expect.any(String)] } });
    expect((await call({ from: period.to, to: period.from })).status).toBe(400);
    expect((await call(period, "Bearer nope")).status).toBe(401);
  });

  it("keeps no figures (a gap, not 0) and says why when they cannot be computed, without failing the snapshot", async () => {
    // A stored software row whose JSON cannot be read: the figures cannot be trusted, so none are kept.
    const good = await getDb().installedSoftware.findFirstOrThrow({ where: { product: { not: null } } });
    const broken = { ...good, id: "licence-trend-broken-row", softwareId: `${good.softwareId}|broken`, data: "{" };
    await getDb().installedSoftware.create({ data: broken });
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await storeRunSnapshot(fixture.connectionId, BROKEN_RUN);
      const snapshot = await getDb().runSnapshot.findUniqueOrThrow({ where: { runId: BROKEN_RUN } });
      expect(snapshot.licence).toBeNull();
      expect(snapshot.instances).toBeGreaterThan(0); // the rest of the snapshot is kept
      expect(warnings.mock.calls.flat().join(" ")).toContain("collector.snapshot_licence_not_computed");
      expect(errors.mock.calls.flat().join(" ")).toContain("JSON");
    } finally {
      warnings.mockRestore();
      errors.mockRestore();
      await getDb().installedSoftware.delete({ where: { id: broken.id } });
      await getDb().runSnapshot.deleteMany({ where: { runId: BROKEN_RUN } });
    }
  });

  it("shows a snapshot without licence figures as a gap in every group, never as 0", async () => {
    const latest = await getDb().runSnapshot.findUniqueOrThrow({ where: { runId: runs[1].runId } });
    const takenAt = new Date(latest.takenAt.getTime() + 1000);
    await getDb().runSnapshot.create({
      data: { ...latest, runId: GAP_RUN, takenAt, licence: null },
    });
    const trend = await getLicenceTrend({ from: start, to: new Date(takenAt.getTime() + 1) });
    expect(trend.gaps).toBe(1);
    expect(trend.snapshots.at(-1)).toEqual({ takenAt: takenAt.toISOString(), computed: false, softwareUnknown: null });
    for (const group of trend.groups) {
      expect(group.points).toHaveLength(runs.length + 1);
      expect(group.points.at(-1)).toEqual({
        takenAt: takenAt.toISOString(),
        quantity: null,
        lines: null,
        missing: null,
      });
      expect(group.peak!.snapshots).toBe(runs.length);
    }
  });
});
