// EC2 DescribeHosts, DescribeReservedInstances and DescribeImages through the SDK, checked
// against the world's own records.
import {
  DescribeHostsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeReservedInstancesCommand,
  EC2Client,
  paginateDescribeHosts,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPreset } from "../../src/index";
import { assumeMember, failure, type Keys, startTestSim, type TestSim } from "../helpers";

const ACCOUNT = "222222222222";
const REGION = "us-east-1";
let t: TestSim;
let paged: TestSim;
let member: Keys;
let pagedMember: Keys;

beforeAll(async () => {
  t = await startTestSim();
  // Same world, but the simulator never returns more than 2 items per page.
  paged = await startTestSim(buildPreset("demo", { pageSize: 2 }));
  [member, pagedMember] = await Promise.all([assumeMember(t, ACCOUNT), assumeMember(paged, ACCOUNT)]);
});
afterAll(async () => {
  await t.sim.close();
  await paged.sim.close();
});

const ec2 = (region = REGION, keys = member, sim = t) => new EC2Client(sim.cfg(keys, region));
const store = () => t.sim.world.region(ACCOUNT, REGION)!;

describe("DescribeHosts", () => {
  it("pages hosts and lists the instances placed on each", async () => {
    const hosts = [];
    let pages = 0;
    for await (const page of paginateDescribeHosts({ client: ec2(REGION, pagedMember, paged), pageSize: 5 }, {})) {
      pages++;
      hosts.push(...(page.Hosts ?? []));
    }
    const w = paged.sim.world.region(ACCOUNT, REGION)!;
    expect(hosts.map((h) => h.HostId)).toEqual(w.hosts.map((h) => h.HostId));
    expect(pages).toBe(Math.ceil(w.hosts.length / 2));
    for (const h of hosts) {
      const placed = w.instances.filter((i) => i.Placement.HostId === h.HostId);
      expect(h.Instances ?? []).toEqual(
        placed.map((i) => ({ InstanceId: i.InstanceId, InstanceType: i.InstanceType, OwnerId: ACCOUNT })),
      );
      const spec = w.hosts.find((x) => x.HostId === h.HostId)!;
      expect(h.HostProperties).toEqual(spec.HostProperties);
      expect(h.OwnerId).toBe(ACCOUNT);
      expect(h.AvailableCapacity!.AvailableVCpus).toBe(w.hostAvailableVcpus(spec));
    }
  });

  it("reports Windows BYOL instances on hosts with their License Manager configuration", async () => {
    const region = "us-west-2";
    const out = await ec2(region).send(
      new DescribeInstancesCommand({ Filters: [{ Name: "usage-operation", Values: ["RunInstances:0800"] }] }),
    );
    const byol = out.Reservations!.flatMap((r) => r.Instances!);
    const w = t.sim.world.region(ACCOUNT, region)!.instances.filter((i) => i.UsageOperation === "RunInstances:0800");
    expect(byol.length).toBe(w.length);
    expect(byol.length).toBeGreaterThan(0);
    for (const [n, i] of byol.entries()) {
      expect(i.Placement!.Tenancy).toBe("host");
      expect(i.Licenses).toEqual(w[n].Licenses);
      expect(i.Licenses![0].LicenseConfigurationArn).toMatch(
        /^arn:aws:license-manager:us-west-2:222222222222:license-configuration:lic-/,
      );
    }
  });

  it("filters on state and validates MaxResults 5-500", async () => {
    const released = await ec2().send(new DescribeHostsCommand({ Filter: [{ Name: "state", Values: ["released"] }] }));
    expect(released.Hosts!.map((h) => h.HostId)).toEqual(
      store()
        .hosts.filter((h) => h.State === "released")
        .map((h) => h.HostId),
    );
    expect((await failure(ec2().send(new DescribeHostsCommand({ MaxResults: 501 })))).name).toBe(
      "InvalidParameterValue",
    );
  });
});

describe("DescribeReservedInstances and DescribeImages", () => {
  it("returns the region's reserved instances, filtered by state and offering class", async () => {
    const all = await ec2().send(new DescribeReservedInstancesCommand({}));
    const w = store().reservedInstances;
    expect(all.ReservedInstances!.map((r) => r.ReservedInstancesId)).toEqual(w.map((r) => r.ReservedInstancesId));
    const active = await ec2().send(
      new DescribeReservedInstancesCommand({ Filters: [{ Name: "state", Values: ["active"] }] }),
    );
    expect(active.ReservedInstances!.every((r) => r.State === "active")).toBe(true);
    const standard = await ec2().send(new DescribeReservedInstancesCommand({ OfferingClass: "standard" }));
    expect(standard.ReservedInstances!.length).toBe(w.filter((r) => r.OfferingClass === "standard").length);
    const first = all.ReservedInstances![0];
    expect(first).toMatchObject({
      InstanceType: w[0].InstanceType,
      InstanceCount: w[0].InstanceCount,
      Scope: w[0].Scope,
      Duration: w[0].Duration,
      CurrencyCode: "USD",
    });
    expect(first.End!.toISOString()).toBe(w[0].End);
  });

  it("finds the AMI of every instance and filters by owner", async () => {
    const imageIds = [...new Set(store().instances.map((i) => i.ImageId))];
    const out = await ec2().send(new DescribeImagesCommand({ ImageIds: imageIds }));
    expect(out.Images!.map((i) => i.ImageId).sort()).toEqual(imageIds.sort());
    expect(out.Images!.every((i) => i.Name && i.OwnerId && i.PlatformDetails)).toBe(true);
    const self = await ec2().send(new DescribeImagesCommand({ Owners: ["self"] }));
    expect(self.Images!.length).toBeGreaterThan(0);
    expect(self.Images!.every((i) => i.OwnerId === ACCOUNT && i.Public === false)).toBe(true);
    const amazon = await ec2().send(new DescribeImagesCommand({ Owners: ["amazon"] }));
    expect(amazon.Images!.every((i) => i.ImageOwnerAlias === "amazon")).toBe(true);
    expect((await failure(ec2().send(new DescribeImagesCommand({ ImageIds: ["ami-0123456789abcdef0"] })))).name).toBe(
      "InvalidAMIID.NotFound",
    );
  });
});
