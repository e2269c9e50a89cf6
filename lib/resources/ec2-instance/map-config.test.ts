import type { Instance } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { parseConfigItem } from "../collect/config-item";
import { mapInstance } from "./map";
import { instanceFromConfigItem } from "./map-config";

const withoutRaw = <T extends { raw: unknown }>(row: T) => ({ ...row, raw: undefined });

// As SelectAggregateResourceConfig returns them for
// SELECT accountId, awsRegion, resourceId, resourceName, availabilityZone, tags, configuration.
const instanceResult = JSON.stringify({
  accountId: "222222222222",
  awsRegion: "us-east-1",
  resourceId: "i-0a1b2c3d4e5f60718",
  availabilityZone: "us-east-1b",
  tags: [{ key: "Name", value: "sqlent-prod-001", tag: "Name=sqlent-prod-001" }],
  configuration: {
    instanceId: "i-0a1b2c3d4e5f60718",
    imageId: "ami-0f1e2d3c4b5a69788",
    state: { code: 16, name: "running" },
    stateTransitionReason: "",
    instanceType: "r5.xlarge",
    launchTime: "2025-03-04T09:15:00.000Z",
    placement: { availabilityZone: "us-east-1b", tenancy: "dedicated" },
    platform: "windows",
    platformDetails: "Windows with SQL Server Enterprise",
    usageOperation: "RunInstances:0102",
    cpuOptions: { coreCount: 2, threadsPerCore: 1 },
    privateIpAddress: "10.16.3.25",
    vpcId: "vpc-1",
    subnetId: "subnet-1",
    licenses: [],
  },
});

describe("EC2 instance Config items", () => {
  it("an EC2 instance item gives the row DescribeInstances would", () => {
    const item = parseConfigItem(instanceResult);
    const row = instanceFromConfigItem(item);
    const direct = mapInstance(
      {
        InstanceId: "i-0a1b2c3d4e5f60718",
        ImageId: "ami-0f1e2d3c4b5a69788",
        State: { Code: 16, Name: "running" },
        StateTransitionReason: "",
        InstanceType: "r5.xlarge",
        LaunchTime: new Date("2025-03-04T09:15:00.000Z"),
        Placement: { AvailabilityZone: "us-east-1b", Tenancy: "dedicated" },
        Platform: "windows" as Instance["Platform"],
        PlatformDetails: "Windows with SQL Server Enterprise",
        UsageOperation: "RunInstances:0102",
        CpuOptions: { CoreCount: 2, ThreadsPerCore: 1 },
        PrivateIpAddress: "10.16.3.25",
        VpcId: "vpc-1",
        SubnetId: "subnet-1",
        Licenses: [],
        Tags: [{ Key: "Name", Value: "sqlent-prod-001" }],
      },
      { OwnerId: "222222222222" },
    );
    expect(withoutRaw(row)).toEqual(withoutRaw(direct));
    expect(row).toMatchObject({
      ownerId: "222222222222",
      vcpus: 2,
      licensedProduct: "Windows with SQL Server Enterprise",
      licenceModel: "license-included",
      name: "sqlent-prod-001",
      launchTime: "2025-03-04T09:15:00.000Z",
    });
    expect(row.raw).toMatchObject({
      InstanceId: "i-0a1b2c3d4e5f60718",
      LaunchTime: "2025-03-04T09:15:00.000Z",
      OwnerId: "222222222222",
    });
  });

  it("fills identifiers from the item when the configuration lacks them", () => {
    expect(
      instanceFromConfigItem({ accountId: "1", awsRegion: "r", resourceId: "i-9", availabilityZone: "r-1a" }),
    ).toMatchObject({ instanceId: "i-9", availabilityZone: "r-1a", ownerId: "1" });
  });
});
