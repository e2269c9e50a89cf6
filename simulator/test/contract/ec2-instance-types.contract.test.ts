// EC2 DescribeInstanceTypes through the SDK, checked against the world's facts table, and the
// instances whose DescribeInstances answer lacks cpuOptions.
import {
  DescribeInstanceTypesCommand,
  DescribeInstancesCommand,
  EC2Client,
  paginateDescribeInstanceTypes,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_WITHOUT_CPU_OPTIONS } from "../../src/index";
import { assumeMember, failure, type Keys, startTestSim, type TestSim } from "../helpers";

const [CELL] = DEMO_WITHOUT_CPU_OPTIONS;
let t: TestSim;
let member: Keys;

beforeAll(async () => {
  t = await startTestSim();
  member = await assumeMember(t, CELL.account);
});
afterAll(async () => {
  await t.sim.close();
});

const ec2 = (region = CELL.region) => new EC2Client(t.cfg(member, region));

describe("DescribeInstanceTypes", () => {
  it("pages the world's whole table with the default vCPU topology of each type", async () => {
    const table = t.sim.world.instanceTypes();
    const seen = [];
    let pages = 0;
    for await (const page of paginateDescribeInstanceTypes({ client: ec2(), pageSize: 5 }, {})) {
      pages++;
      seen.push(...(page.InstanceTypes ?? []));
    }
    expect(pages).toBe(Math.ceil(table.length / 5));
    expect(
      seen.map((s) => [
        s.InstanceType,
        s.VCpuInfo?.DefaultVCpus,
        s.VCpuInfo?.DefaultCores,
        s.VCpuInfo?.DefaultThreadsPerCore,
      ]),
    ).toEqual(
      table.map((s) => [
        s.InstanceType,
        s.VCpuInfo.DefaultVCpus,
        s.VCpuInfo.DefaultCores,
        s.VCpuInfo.DefaultThreadsPerCore,
      ]),
    );
  });

  it("answers only the types asked for, and rejects a type that does not exist", async () => {
    const out = await ec2().send(new DescribeInstanceTypesCommand({ InstanceTypes: CELL.types as never }));
    expect(out.InstanceTypes?.map((i) => i.InstanceType).sort()).toEqual([...CELL.types].sort());
    const error = await failure(
      ec2().send(new DescribeInstanceTypesCommand({ InstanceTypes: ["z9.nothing" as never] })),
    );
    expect(error).toMatchObject({ name: "InvalidInstanceType" });
    expect(await failure(ec2().send(new DescribeInstanceTypesCommand({ MaxResults: 101 })))).toMatchObject({
      name: "InvalidParameterValue",
    });
  });

  it("leaves cpuOptions out of DescribeInstances for the world's instances marked so", async () => {
    const out = await ec2().send(new DescribeInstancesCommand({}));
    const instances = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    const without = instances.filter((i) => !i.CpuOptions);
    expect(without.map((i) => i.InstanceType).sort()).toEqual([...CELL.types].sort());
    expect(instances.length).toBeGreaterThan(without.length);
  });
});
