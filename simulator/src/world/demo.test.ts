import { describe, expect, it } from "vitest";
import { vcpus } from "./catalog/instance-types";
import { DEMO_RDS_DENIED } from "./demo/layout";
import { buildPreset } from "./load";
import type { Ec2Instance } from "./types";
import { World } from "./world";

const spec = buildPreset("demo");
const world = new World(spec);
const cells = spec.accounts.flatMap((a) =>
  a.regions.map((r) => ({ account: a.id, region: r.name, optIn: r.optIn, store: world.region(a.id, r.name)! })),
);
const instances: Ec2Instance[] = cells.flatMap((c) => c.store.instances);

describe("demo world", () => {
  it("is deterministic for a seed and changes with it", () => {
    expect(JSON.stringify(buildPreset("demo"))).toBe(JSON.stringify(spec));
    expect(JSON.stringify(buildPreset("demo", { seed: 99 }))).not.toBe(JSON.stringify(spec));
  });

  it("has a management account and four members in two OUs, four enabled regions and one not opted in", () => {
    expect(spec.accounts.map((a) => a.id)).toEqual([
      "111111111111",
      "222222222222",
      "333333333333",
      "444444444444",
      "555555555555",
    ]);
    expect(spec.organization!.organizationalUnits.map((o) => o.name)).toEqual(["Production", "Development"]);
    for (const a of spec.accounts.slice(1)) {
      expect(a.regions.filter((r) => r.optIn !== "not-opted-in")).toHaveLength(4);
      expect(a.regions.map((r) => r.optIn)).toContain("opted-in");
      expect(a.regions.filter((r) => r.optIn === "not-opted-in").map((r) => r.name)).toEqual(["me-south-1"]);
    }
  });

  it("holds a few hundred instances covering every licence case", () => {
    expect(instances.length).toBeGreaterThanOrEqual(200);
    expect(instances.length).toBeLessThanOrEqual(500);
    const ops = new Set(instances.map((i) => i.UsageOperation));
    for (const op of [
      "RunInstances",
      "RunInstances:0002",
      "RunInstances:0800",
      "RunInstances:0102",
      "RunInstances:0006",
      "RunInstances:0202",
      "RunInstances:0010",
    ])
      expect(ops).toContain(op);
    expect(instances.some((i) => i.InstanceLifecycle === "spot")).toBe(true);
    expect(instances.some((i) => i.Placement.Tenancy === "dedicated")).toBe(true);
    expect(instances.some((i) => i.State.Name === "stopped")).toBe(true);
    expect(instances.some((i) => i.CpuOptions.ThreadsPerCore === 1)).toBe(true);
    expect(instances.every((i) => i.Tags.some((t) => t.Key === "Name"))).toBe(true);
  });

  it("keeps CPU options consistent with the instance type", () => {
    for (const i of instances) {
      const defaultVcpus = vcpus(i.InstanceType);
      const cpu = i.CpuOptions.CoreCount * i.CpuOptions.ThreadsPerCore;
      expect(
        cpu === defaultVcpus || (i.CpuOptions.ThreadsPerCore === 1 && i.CpuOptions.CoreCount * 2 === defaultVcpus),
      ).toBe(true);
    }
  });

  it("places host-tenancy instances on hosts of the same region, within capacity", () => {
    const onHosts = instances.filter((i) => i.Placement.Tenancy === "host");
    expect(onHosts.length).toBeGreaterThan(0);
    for (const c of cells) {
      for (const i of c.store.instances.filter((x) => x.Placement.Tenancy === "host")) {
        const host = c.store.hosts.find((h) => h.HostId === i.Placement.HostId);
        expect(host, i.InstanceId).toBeDefined();
        expect(host!.AvailabilityZone).toBe(i.Placement.AvailabilityZone);
      }
      for (const h of c.store.hosts) expect(c.store.hostAvailableVcpus(h)).toBeGreaterThanOrEqual(0);
    }
    expect(cells.flatMap((c) => c.store.hosts).some((h) => h.State === "released")).toBe(true);
  });

  it("has reserved instances of both scopes, states and classes", () => {
    const ris = cells.flatMap((c) => c.store.reservedInstances);
    for (const [k, v] of [
      ["Scope", "Region"],
      ["Scope", "Availability Zone"],
      ["State", "active"],
      ["State", "retired"],
      ["OfferingClass", "standard"],
      ["OfferingClass", "convertible"],
    ] as const) {
      expect(
        ris.some((r) => r[k] === v),
        `${k}=${v}`,
      ).toBe(true);
    }
  });

  it("has RDS across engines and licence models, Multi-AZ, processor features and a read replica", () => {
    const dbs = cells.flatMap((c) => c.store.dbInstances);
    const combos = new Set(dbs.map((d) => `${d.Engine}/${d.LicenseModel}`));
    for (const c of [
      "oracle-ee/bring-your-own-license",
      "oracle-se2/bring-your-own-license",
      "oracle-se2/license-included",
      "sqlserver-ee/license-included",
      "postgres/postgresql-license",
      "mysql/general-public-license",
    ])
      expect(combos).toContain(c);
    expect(dbs.some((d) => d.MultiAZ)).toBe(true);
    expect(dbs.some((d) => d.ProcessorFeatures?.length)).toBe(true);
    const withReplica = cells.filter((c) => c.store.dbInstances.some((d) => d.ReadReplicaSourceDBInstanceIdentifier));
    expect(withReplica.length).toBeGreaterThan(0);
    for (const c of withReplica) {
      const replica = c.store.dbInstances.find((d) => d.ReadReplicaSourceDBInstanceIdentifier)!;
      const source = c.store.dbInstances.find(
        (d) => d.DBInstanceIdentifier === replica.ReadReplicaSourceDBInstanceIdentifier,
      );
      expect(source?.ReadReplicaDBInstanceIdentifiers).toContain(replica.DBInstanceIdentifier);
    }
  });

  it("covers every instance's AMI with an image of its region", () => {
    for (const c of cells)
      for (const i of c.store.instances)
        expect(c.store.image(i.ImageId), `${c.account}/${c.region} ${i.ImageId}`).toBeDefined();
  });

  it("has databases in the cell whose role lacks rds:DescribeDBInstances", () => {
    const d = DEMO_RDS_DENIED.aws;
    expect(world.region(d.account, d.region)!.dbInstances.length).toBeGreaterThan(0);
  });

  it("uses the partition's ARN prefix everywhere", () => {
    const cn = JSON.stringify(buildPreset("demo", { partition: "aws-cn" }));
    expect(cn).toContain("arn:aws-cn:");
    expect(cn).not.toMatch(/arn:aws:/);
    const gov = JSON.stringify(buildPreset("demo", { partition: "aws-us-gov" }));
    expect(gov).not.toMatch(/arn:aws:/);
  });
});

describe("demo options", () => {
  it("can give every member role one shared external ID without changing anything else", () => {
    const shared = buildPreset("demo", { sharedExternalId: "one-external-id-for-the-connection" });
    const ids = shared.iam.roles
      .filter((r) => r.purpose === "member-inventory")
      .map((r) => JSON.stringify(r.trustPolicy));
    expect(ids.every((t) => t.includes("one-external-id-for-the-connection"))).toBe(true);
    expect(shared.iam.users).toEqual(spec.iam.users);
    expect(shared.accounts).toEqual(spec.accounts);
  });
});
