// The overview's licence figures for the demo world, against values worked out here by hand
// from the simulator's world spec (not from lib/licensing): Oracle processors under
// the 2:1 / 1:1 rule for EE and the 4-vCPUs-per-socket rule for SE2, BYOL versus licence-
// included EC2 counts from UsageOperation codes, dedicated host sockets and cores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { getDb } from "@/lib/db";
import { getOverview, riCoverage, type Overview } from "@/lib/inventory/overview";
import {
  buildPreset,
  DEMO_RDS_DENIED,
  type DbInstance,
  type Ec2Host,
  type Ec2Instance,
  type ReservedInstance,
} from "@/simulator/src/index";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";

// AWS's published defaults of the DB instance classes the demo's Oracle databases use.
const DB_CLASS: Record<string, { vcpus: number; threadsPerCore: number }> = {
  "db.m5.large": { vcpus: 2, threadsPerCore: 2 },
  "db.m5.xlarge": { vcpus: 4, threadsPerCore: 2 },
  "db.m5.2xlarge": { vcpus: 8, threadsPerCore: 2 },
  "db.r5.large": { vcpus: 2, threadsPerCore: 2 },
  "db.r5.xlarge": { vcpus: 4, threadsPerCore: 2 },
  "db.r5.2xlarge": { vcpus: 8, threadsPerCore: 2 },
  "db.r6i.large": { vcpus: 2, threadsPerCore: 2 },
  "db.r6i.xlarge": { vcpus: 4, threadsPerCore: 2 },
  "db.r6i.2xlarge": { vcpus: 8, threadsPerCore: 2 },
};

type Cell = { account: string; region: string };
const denied = DEMO_RDS_DENIED.aws;

function worldResources() {
  const spec = buildPreset("demo");
  const instances: (Ec2Instance & Cell)[] = [];
  const hosts: Ec2Host[] = [];
  const dbs: DbInstance[] = [];
  const ris: (ReservedInstance & Cell)[] = [];
  for (const account of spec.accounts) {
    for (const region of account.regions) {
      if (region.optIn === "not-opted-in") continue;
      instances.push(...(region.instances ?? []).map((i) => ({ ...i, account: account.id, region: region.name })));
      hosts.push(...(region.hosts ?? []));
      ris.push(...(region.reservedInstances ?? []).map((r) => ({ ...r, account: account.id, region: region.name })));
      // That one scope's DescribeDBInstances is denied: the collector cannot see its databases.
      if (!(account.id === denied.account && region.name === denied.region)) dbs.push(...(region.dbInstances ?? []));
    }
  }
  return { instances, hosts, dbs, ris };
}

function dbCpu(db: DbInstance): { vcpus: number; threadsPerCore: number } {
  const feature = (name: string) => db.ProcessorFeatures?.find((f) => f.Name === name)?.Value;
  const defaults = DB_CLASS[db.DBInstanceClass];
  if (!defaults) throw new Error(`add ${db.DBInstanceClass} to DB_CLASS`);
  const threadsPerCore = Number(feature("threadsPerCore") ?? defaults.threadsPerCore);
  const cores = Number(feature("coreCount") ?? defaults.vcpus / defaults.threadsPerCore);
  return { vcpus: cores * threadsPerCore, threadsPerCore };
}

let fixture: CollectorFixture;
let overview: Overview;
const world = worldResources();

beforeAll(async () => {
  // "One run so far" (the vCPU series below): other suites' run snapshots are not this one's.
  await getDb().runSnapshot.deleteMany();
  fixture = await demoConnection();
  const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
  expect(result.status).toBe("partial"); // the denied RDS scope
  overview = await getOverview({ now: new Date(), connectionIds: [fixture.connectionId] });
});
afterAll(async () => {
  await fixture?.sim.close();
});

describe("overview figures for the demo world", () => {
  it("counts instances and vCPUs", () => {
    const running = world.instances.filter((i) => i.State.Name === "running");
    const vcpus = (i: Ec2Instance) => i.CpuOptions.CoreCount * i.CpuOptions.ThreadsPerCore;
    expect(overview.totals.instances).toBe(world.instances.length);
    expect(overview.totals.running).toBe(running.length);
    expect(overview.totals.vcpus).toBe(world.instances.reduce((n, i) => n + vcpus(i), 0));
    expect(overview.totals.runningVcpus).toBe(running.reduce((n, i) => n + vcpus(i), 0));
    const byAccount = new Map<string, number>();
    for (const i of world.instances) byAccount.set(i.account, (byAccount.get(i.account) ?? 0) + 1);
    expect(Object.fromEntries(overview.byAccount.map((a) => [a.accountId, a.count]))).toEqual(
      Object.fromEntries(byAccount),
    );
    expect(overview.byAccount.find((a) => a.accountId === "222222222222")?.alias).toBe("acme-prod-web");
    // One run so far: the vCPU series has one point, which is the peak and equals the totals.
    expect(overview.vcpus.points).toHaveLength(1);
    expect(overview.vcpus.peak?.runningVcpus).toBe(overview.totals.runningVcpus);
  });

  it("splits BYOL from licence-included by UsageOperation", () => {
    const code = (c: string) => world.instances.filter((i) => i.UsageOperation === c).length;
    const windowsByol = code("RunInstances:0800");
    const rhelByol = code("RunInstances:00g0");
    const rhelIncluded = code("RunInstances:0010");
    const windowsIncluded = code("RunInstances:0002");
    const noLicence = code("RunInstances");
    const included = world.instances.length - windowsByol - rhelByol - noLicence;
    // The demo covers both sides of each (guards against a world where the test proves nothing).
    expect(Math.min(windowsByol, rhelByol, rhelIncluded, windowsIncluded)).toBeGreaterThan(0);
    const find = (product: string, model: string) =>
      overview.totals.byLicence.find((l) => l.licensedProduct === product && l.licenceModel === model)?.count ?? 0;
    expect(find("Windows", "byol")).toBe(windowsByol);
    expect(find("RHEL", "byol")).toBe(rhelByol);
    expect(find("RHEL", "license-included")).toBe(rhelIncluded);
    expect(find("Windows", "license-included")).toBe(windowsIncluded);
    expect(find("Linux/UNIX", "none")).toBe(noLicence);
    const sumModel = (model: string) =>
      overview.totals.byLicence.filter((l) => l.licenceModel === model).reduce((n, l) => n + l.count, 0);
    expect(sumModel("byol")).toBe(windowsByol + rhelByol);
    expect(sumModel("license-included")).toBe(included);
  });

  it("counts Oracle EE processors (2:1 with hyper-threading, else 1:1) and SE2 sockets (4 vCPUs each, rounded up)", () => {
    const expected = new Map<string, { count: number; vcpus: number; processors: number; sockets: number }>();
    const standbys = new Map<string, { count: number; processors: number; sockets: number }>();
    for (const db of world.dbs) {
      const edition = db.Engine === "oracle-ee" ? "EE" : db.Engine === "oracle-se2" ? "SE2" : null;
      if (!edition) continue;
      const model = db.LicenseModel === "bring-your-own-license" ? "byol" : "license-included";
      const { vcpus, threadsPerCore } = dbCpu(db);
      const processors = edition === "EE" ? (threadsPerCore === 2 ? Math.ceil(vcpus / 2) : vcpus) : 0;
      const sockets = edition === "SE2" ? Math.ceil(vcpus / 4) : 0;
      const key = `${edition}|${model}`;
      const tally = expected.get(key) ?? { count: 0, vcpus: 0, processors: 0, sockets: 0 };
      expected.set(key, {
        count: tally.count + 1,
        vcpus: tally.vcpus + vcpus,
        processors: tally.processors + processors,
        sockets: tally.sockets + sockets,
      });
      if (model === "byol" && db.MultiAZ) {
        const s = standbys.get(edition) ?? { count: 0, processors: 0, sockets: 0 };
        standbys.set(edition, {
          count: s.count + 1,
          processors: s.processors + processors,
          sockets: s.sockets + sockets,
        });
      }
    }
    expect(expected.size).toBeGreaterThanOrEqual(3);
    const actual = new Map(
      overview.oracle.byEdition.map((t) => [
        `${t.edition}|${t.licenceModel}`,
        { count: t.count, vcpus: t.vcpus, processors: t.processors, sockets: t.sockets },
      ]),
    );
    expect(actual).toEqual(expected);
    expect(
      new Map(
        overview.oracle.byolStandbys.map((s) => [
          s.edition,
          { count: s.count, processors: s.processors, sockets: s.sockets },
        ]),
      ),
    ).toEqual(standbys);
    const byol = [...expected.entries()].filter(([key]) => key.endsWith("|byol")).map(([, t]) => t);
    const sum = (rows: { processors: number; sockets: number }[], k: "processors" | "sockets") =>
      rows.reduce((n, r) => n + r[k], 0);
    expect(overview.oracle.totalProcessors).toBe(sum(byol, "processors") + sum([...standbys.values()], "processors"));
    expect(overview.oracle.totalSockets).toBe(sum(byol, "sockets") + sum([...standbys.values()], "sockets"));
  });

  it("sums sockets and cores of active dedicated hosts", () => {
    const active = world.hosts.filter((h) => !h.State.startsWith("released"));
    expect(active.length).toBeGreaterThan(0);
    expect(overview.hosts.count).toBe(active.length);
    expect(overview.hosts.sockets).toBe(active.reduce((n, h) => n + h.HostProperties.Sockets, 0));
    expect(overview.hosts.cores).toBe(active.reduce((n, h) => n + h.HostProperties.Cores, 0));
    expect(overview.hosts.totalVcpus).toBe(active.reduce((n, h) => n + h.HostProperties.TotalVCpus, 0));
    const hostIds = new Set(active.map((h) => h.HostId));
    const used = world.instances.filter(
      (i) =>
        i.Placement.HostId &&
        hostIds.has(i.Placement.HostId) &&
        ["pending", "running", "stopping", "shutting-down"].includes(i.State.Name),
    );
    expect(overview.hosts.usedVcpus).toBe(
      used.reduce((n, i) => n + i.CpuOptions.CoreCount * i.CpuOptions.ThreadsPerCore, 0),
    );
  });

  it("lists reserved instances expiring within 30 and 90 days", () => {
    const now = Date.parse(overview.now);
    const within = (days: number) =>
      world.ris.filter((r) => r.State === "active" && Date.parse(r.End) <= now + days * 86_400_000);
    expect(overview.reservedInstances.active).toBe(world.ris.filter((r) => r.State === "active").length);
    expect(overview.reservedInstances.expiringIn30Days.count).toBe(within(30).length);
    expect(overview.reservedInstances.expiringIn90Days.count).toBe(within(90).length);
    expect(overview.reservedInstances.expiring.map((r) => r.reservedInstancesId).sort()).toEqual(
      within(90)
        .map((r) => r.ReservedInstancesId)
        .sort(),
    );
  });

  it("matches running instances against RIs by type, AZ or region, platform and tenancy", () => {
    const cov = overview.riCoverage;
    expect(cov.covered + cov.uncovered).toBe(cov.running);
    const eligible = world.instances.filter(
      (i) => i.State.Name === "running" && i.Placement.Tenancy !== "host" && !i.InstanceLifecycle,
    );
    expect(cov.running).toBe(eligible.length);
    // No row covers more instances than it has or than are reserved for it.
    for (const row of cov.rows) expect(row.covered).toBeLessThanOrEqual(Math.min(row.running, row.reserved));
  });

  it("gives the RI coverage of matching the world's instances one by one, though it reads them grouped", () => {
    // The database hands over groups: those an active RI could cover by account, region and AZ,
    // the rest summed per type, platform and tenancy. Matching each instance alone must agree.
    const expected = riCoverage(
      world.instances.map((i) => ({
        accountId: i.account,
        region: i.region,
        availabilityZone: i.Placement.AvailabilityZone,
        instanceType: i.InstanceType,
        platformDetails: i.PlatformDetails,
        tenancy: i.Placement.Tenancy,
        lifecycle: i.InstanceLifecycle ?? "on-demand",
        state: i.State.Name,
      })),
      world.ris.map((r) => ({
        accountId: r.account,
        region: r.region,
        instanceType: r.InstanceType,
        instanceCount: r.InstanceCount,
        scope: r.Scope,
        availabilityZone: r.AvailabilityZone ?? null,
        productDescription: r.ProductDescription,
        instanceTenancy: r.InstanceTenancy,
        state: r.State,
      })),
    );
    // The demo world has both sides (guards against a test that proves nothing).
    expect(expected.covered).toBeGreaterThan(0);
    expect(expected.uncovered).toBeGreaterThan(0);
    expect(overview.riCoverage).toEqual(expected);
  });
});
