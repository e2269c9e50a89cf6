// EC2 DescribeRegions and DescribeInstances through the SDK and its paginator, checked against
// the world's own records.
import {
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  EC2Client,
  paginateDescribeInstances,
  type Instance,
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
async function allInstances(input = {}, pageSize = 5): Promise<{ instances: Instance[]; pages: number }> {
  const instances: Instance[] = [];
  let pages = 0;
  for await (const page of paginateDescribeInstances({ client: ec2(), pageSize }, input)) {
    pages++;
    for (const r of page.Reservations ?? []) {
      expect(r.OwnerId).toBe(ACCOUNT);
      instances.push(...(r.Instances ?? []));
    }
  }
  return { instances, pages };
}

describe("DescribeRegions", () => {
  it("lists enabled regions by default, all with AllRegions, and filters on opt-in-status", async () => {
    const names = (r: { Regions?: { RegionName?: string }[] }) => r.Regions!.map((x) => x.RegionName);
    expect(names(await ec2().send(new DescribeRegionsCommand({})))).toEqual([
      "us-east-1",
      "us-west-2",
      "eu-west-1",
      "ap-east-1",
    ]);
    const all = await ec2().send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions!.find((r) => r.RegionName === "me-south-1")).toEqual({
      RegionName: "me-south-1",
      OptInStatus: "not-opted-in",
      Endpoint: "ec2.me-south-1.amazonaws.com",
    });
    expect(
      names(
        await ec2().send(
          new DescribeRegionsCommand({ AllRegions: true, Filters: [{ Name: "opt-in-status", Values: ["opted-in"] }] }),
        ),
      ),
    ).toEqual(["ap-east-1"]);
    expect(names(await ec2().send(new DescribeRegionsCommand({ RegionNames: ["eu-west-1"] })))).toEqual(["eu-west-1"]);
  });
});

describe("DescribeInstances", () => {
  it("pages through every instance of the region with the paginator", async () => {
    const { instances, pages } = await allInstances();
    const expected = store().instances;
    expect(pages).toBe(Math.ceil(expected.length / 5));
    expect(instances.map((i) => i.InstanceId)).toEqual(expected.map((i) => i.InstanceId));
    const byId = new Map(expected.map((i) => [i.InstanceId, i]));
    for (const i of instances) {
      const w = byId.get(i.InstanceId!)!;
      expect(i).toMatchObject({
        InstanceType: w.InstanceType,
        ImageId: w.ImageId,
        PlatformDetails: w.PlatformDetails,
        UsageOperation: w.UsageOperation,
        CpuOptions: w.CpuOptions,
        State: w.State,
        Tags: w.Tags,
        VpcId: w.VpcId,
        PrivateIpAddress: w.PrivateIpAddress,
      });
      expect(i.Placement).toMatchObject({
        AvailabilityZone: w.Placement.AvailabilityZone,
        Tenancy: w.Placement.Tenancy,
      });
      expect(i.Placement!.HostId).toBe(w.Placement.HostId);
      expect(i.LaunchTime!.toISOString()).toBe(new Date(w.LaunchTime).toISOString());
      expect(i.Platform).toBe(w.Platform);
      expect(i.InstanceLifecycle).toBe(w.InstanceLifecycle);
      expect(i.Licenses).toEqual(w.Licenses);
      expect(i.StateTransitionReason).toBe(w.StateTransitionReason ?? "");
    }
  });

  it("filters by state, tag with wildcards, instance-id, image-id and host-id", async () => {
    const w = store().instances;
    const ids = async (Filters: { Name: string; Values: string[] }[]) =>
      (await allInstances({ Filters }, 1000)).instances.map((i) => i.InstanceId).sort();
    expect(await ids([{ Name: "instance-state-name", Values: ["stopped"] }])).toEqual(
      w
        .filter((i) => i.State.Name === "stopped")
        .map((i) => i.InstanceId)
        .sort(),
    );
    expect(await ids([{ Name: "tag:Name", Values: ["win*"] }])).toEqual(
      w
        .filter((i) => i.Tags.some((x) => x.Key === "Name" && x.Value.startsWith("win")))
        .map((i) => i.InstanceId)
        .sort(),
    );
    expect(await ids([{ Name: "instance-id", Values: [w[0].InstanceId, w[1].InstanceId] }])).toEqual(
      [w[0].InstanceId, w[1].InstanceId].sort(),
    );
    expect(
      await ids([
        { Name: "image-id", Values: [w[0].ImageId] },
        { Name: "instance-state-name", Values: ["running", "stopped"] },
      ]),
    ).toEqual(
      w
        .filter((i) => i.ImageId === w[0].ImageId)
        .map((i) => i.InstanceId)
        .sort(),
    );
    const hosted = w.find((i) => i.Placement.HostId)!;
    expect(await ids([{ Name: "host-id", Values: [hosted.Placement.HostId!] }])).toEqual(
      w
        .filter((i) => i.Placement.HostId === hosted.Placement.HostId)
        .map((i) => i.InstanceId)
        .sort(),
    );
  });

  it("describes instances by ID and reports unknown or malformed IDs", async () => {
    const w = store().instances;
    const out = await ec2().send(new DescribeInstancesCommand({ InstanceIds: [w[2].InstanceId] }));
    expect(out.Reservations!.flatMap((r) => r.Instances!).map((i) => i.InstanceId)).toEqual([w[2].InstanceId]);
    expect(await failure(ec2().send(new DescribeInstancesCommand({ InstanceIds: ["i-0123456789abcdef0"] })))).toEqual({
      name: "InvalidInstanceID.NotFound",
      status: 400,
      message: "The instance ID 'i-0123456789abcdef0' does not exist",
    });
    expect((await failure(ec2().send(new DescribeInstancesCommand({ InstanceIds: ["web-1"] })))).name).toBe(
      "InvalidInstanceID.Malformed",
    );
  });

  it("rejects MaxResults outside 5-1000, MaxResults with IDs, bad tokens and unknown filters", async () => {
    for (const MaxResults of [4, 1001])
      expect(await failure(ec2().send(new DescribeInstancesCommand({ MaxResults })))).toMatchObject({
        name: "InvalidParameterValue",
        status: 400,
      });
    expect(
      (
        await failure(
          ec2().send(new DescribeInstancesCommand({ MaxResults: 5, InstanceIds: [store().instances[0].InstanceId] })),
        )
      ).name,
    ).toBe("InvalidParameterCombination");
    expect(
      (await failure(ec2().send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: "not-a-token" })))).name,
    ).toBe("InvalidPaginationToken");
    expect(
      await failure(ec2().send(new DescribeInstancesCommand({ Filters: [{ Name: "colour", Values: ["blue"] }] }))),
    ).toEqual({ name: "InvalidParameterValue", status: 400, message: "The filter 'colour' is invalid" });
  });

  it("caps pages at the world's maxPageSize even when MaxResults asks for more", async () => {
    const out = await ec2(REGION, pagedMember, paged).send(new DescribeInstancesCommand({ MaxResults: 1000 }));
    expect(out.Reservations!.flatMap((r) => r.Instances!)).toHaveLength(2);
    expect(out.NextToken).toBeDefined();
  });

  it("answers UnauthorizedOperation with AWS's message when no policy allows the call", async () => {
    const mfaUser = t.user("cirrus-mfa");
    expect(await failure(new EC2Client(t.cfg(mfaUser)).send(new DescribeInstancesCommand({})))).toEqual({
      name: "UnauthorizedOperation",
      status: 403,
      message:
        "You are not authorized to perform this operation. User: arn:aws:iam::111111111111:user/cirrus-mfa is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action",
    });
  });
});
