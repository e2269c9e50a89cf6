// SSM managed nodes in the presets: software is added without touching anything EC2 serves, the
// scale preset gives N applications per node on request, and the demo's chosen software and
// edge cases are where the layout says.
import { describe, expect, it } from "vitest";
import { DEMO_REGIONS, DEMO_SOFTWARE_CELLS } from "./demo/layout";
import { buildPreset } from "./load";
import type { Ec2Instance, WorldSpec } from "./types";
import { World } from "./world";

const withoutSsm = (instances: Ec2Instance[]) =>
  instances.map((i) => {
    const rest = { ...i };
    delete rest.Ssm;
    return rest;
  });
const allInstances = (spec: WorldSpec) => spec.accounts.flatMap((a) => a.regions.flatMap((r) => r.instances ?? []));

describe("managed nodes in the scale world", () => {
  const options = { accounts: 2, regions: 2, instancesPerRegion: 30, seed: 3 };

  it("has none by default", () => {
    const world = new World(buildPreset("scale", options));
    expect(world.region("100000000001", "us-east-1")!.instances.some((i) => i.Ssm)).toBe(false);
  });

  it("gives every running instance N applications and changes nothing else", () => {
    const plain = new World(buildPreset("scale", options)).region("100000000001", "us-east-1")!;
    const world = new World(buildPreset("scale", { ...options, applicationsPerNode: 20 }));
    const store = world.region("100000000001", "us-east-1")!;
    expect(withoutSsm(store.instances)).toEqual(withoutSsm(plain.instances));
    expect(store.hosts).toEqual(plain.hosts);
    expect(store.dbInstances).toEqual(plain.dbInstances);
    for (const i of store.instances) {
      if (i.State.Name !== "running") expect(i.Ssm).toBeUndefined();
      else expect(i.Ssm!.Applications).toHaveLength(20);
    }
    const names = store.instances[0].Ssm?.Applications.map((a) => a.Name) ?? [];
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("managed nodes in the demo world", () => {
  const spec = buildPreset("demo");
  const cell = (c: { account: string; regionIndex: number }) =>
    spec.accounts.find((a) => a.id === c.account)!.regions.find((r) => r.name === DEMO_REGIONS.aws[c.regionIndex][0])!
      .instances!;

  it("makes every running instance but one a managed node, with inventory values as strings", () => {
    const running = allInstances(spec).filter((i) => i.State.Name === "running");
    const unmanaged = running.filter((i) => !i.Ssm);
    expect(unmanaged).toHaveLength(1);
    expect(cell(DEMO_SOFTWARE_CELLS.noAgent)).toContain(unmanaged[0]);
    for (const i of allInstances(spec).filter((x) => x.Ssm))
      for (const a of i.Ssm!.Applications) expect(Object.values(a).every((v) => typeof v === "string")).toBe(true);
  });

  it("has one stale node: connection lost, ping and inventory over 30 days old", () => {
    const stale = allInstances(spec).filter((i) => i.Ssm && i.Ssm.PingStatus !== "Online");
    expect(stale).toHaveLength(1);
    expect(cell(DEMO_SOFTWARE_CELLS.staleInventory)).toContain(stale[0]);
    expect(stale[0].Ssm!.LastPingSecondsAgo).toBeGreaterThan(30 * 86_400);
    expect(stale[0].Ssm!.InventorySecondsAgo).toBeGreaterThan(30 * 86_400);
  });

  it("puts Oracle EE on a hyper-threaded Linux instance and SQL Server 2019 on plain Windows ones", () => {
    const has = (c: { account: string; regionIndex: number }, name: string) =>
      cell(c).filter((i) => i.Ssm?.Applications.some((a) => a.Name === name));
    const [oracle] = has(DEMO_SOFTWARE_CELLS.oracleEnterprise, "oracle-database-ee-19c");
    expect(oracle).toMatchObject({ PlatformDetails: "Linux/UNIX", CpuOptions: { ThreadsPerCore: 2 } });
    const [mq] = has(DEMO_SOFTWARE_CELLS.ibmMq, "MQSeriesServer");
    expect(mq.PlatformDetails).toBe("Linux/UNIX");
    for (const [c, edition] of [
      [DEMO_SOFTWARE_CELLS.sqlStandardByol, "Standard Edition"],
      [DEMO_SOFTWARE_CELLS.sqlDeveloper, "Developer Edition"],
    ] as const) {
      const [sql] = has(c, "Microsoft SQL Server 2019 (64-bit)");
      expect(sql.UsageOperation).toBe("RunInstances:0002");
      expect(sql.Ssm!.Registry!.find((r) => r.ValueName === "Edition")!.Value).toBe(edition);
    }
  });

  it("builds in every partition", () => {
    for (const partition of ["aws-cn", "aws-us-gov"] as const)
      expect(allInstances(buildPreset("demo", { partition })).some((i) => i.Ssm)).toBe(true);
  });
});
