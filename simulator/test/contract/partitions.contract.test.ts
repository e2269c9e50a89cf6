// Partitions: the same demo built for aws-cn and aws-us-gov answers with that partition's
// regions, endpoints and ARN prefixes.
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPreset, PARTITION_REGIONS, partitionOfRegion } from "../../src/index";
import { keysOf, startTestSim, type TestSim } from "../helpers";

describe("partition table", () => {
  it("lists at least 16 standard aws regions plus opt-in ones, and the China and GovCloud regions", () => {
    expect(PARTITION_REGIONS.aws.length).toBeGreaterThanOrEqual(20);
    for (const r of ["af-south-1", "ap-east-1", "me-south-1", "eu-south-1"]) expect(partitionOfRegion(r)).toBe("aws");
    expect(PARTITION_REGIONS["aws-cn"]).toEqual(["cn-north-1", "cn-northwest-1"]);
    expect(PARTITION_REGIONS["aws-us-gov"]).toEqual(["us-gov-west-1", "us-gov-east-1"]);
  });
});

describe.each([
  ["aws-cn", "cn-north-1", "arn:aws-cn:", "ec2.cn-north-1.amazonaws.com.cn"],
  ["aws-us-gov", "us-gov-west-1", "arn:aws-us-gov:", "ec2.us-gov-west-1.amazonaws.com"],
] as const)("%s", (partition, region, prefix, endpoint) => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim(buildPreset("demo", { partition }));
  });
  afterAll(() => t.sim.close());

  it("issues partition ARNs through STS and answers regional calls in its regions only", async () => {
    const sts = new STSClient(t.cfg(t.user("cirrus-collector"), region));
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `${prefix}iam::111111111111:user/cirrus-collector`,
    );
    const role = t.memberRole("222222222222");
    expect(role.arn.startsWith(`${prefix}iam::`)).toBe(true);
    const out = await sts.send(
      new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "partition", ExternalId: role.externalId }),
    );
    expect(out.AssumedRoleUser!.Arn).toBe(`${prefix}sts::222222222222:assumed-role/CirrusInventoryRole/partition`);
    const regions = await new EC2Client(t.cfg(keysOf(out.Credentials), region)).send(new DescribeRegionsCommand({}));
    expect(regions.Regions!.map((r) => r.RegionName)).toEqual(PARTITION_REGIONS[partition]);
    expect(regions.Regions![0].Endpoint).toBe(endpoint);
    const wrong = await new STSClient(t.cfg(t.user("cirrus-collector"), "us-east-1"))
      .send(new GetCallerIdentityCommand({}))
      .catch((e: { name: string }) => e.name);
    expect(wrong).toBe("InvalidClientTokenId");
    // IAM is global: any signing region is accepted.
    expect(
      (await new IAMClient(t.cfg(t.user("cirrus-collector"), region)).send(new ListAccountAliasesCommand({})))
        .AccountAliases,
    ).toEqual(["acme-management"]);
  });
});
