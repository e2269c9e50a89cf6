import type { Instance } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { dbInstanceFromConfigItem, hostFromConfigItem, instanceFromConfigItem, isDeletedConfigItem, parseConfigItem, pascalize } from "./config-item";
import { mapDbInstance } from "./db-instance";
import { mapHost } from "./host";
import { mapInstance } from "./instance";

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

const hostResult = JSON.stringify({
  accountId: "222222222222",
  awsRegion: "us-west-2",
  resourceId: "h-0a1b2c3d4e5f60718",
  availabilityZone: "us-west-2a",
  tags: [{ key: "Name", value: "host-m5-prod-001", tag: "Name=host-m5-prod-001" }],
  configuration: {
    hostId: "h-0a1b2c3d4e5f60718",
    state: { value: "available" },
    hostProperties: { cores: 48, sockets: 2, totalVCpus: 96, instanceFamily: "m5" },
    instances: [{ instanceId: "i-1", instanceType: "m5.large", ownerId: "222222222222" }],
    availableCapacity: { availableVCpus: 94 },
    allocationTime: "2025-01-10T08:00:00.000Z",
    autoPlacement: "on",
  },
});

const dbResult = JSON.stringify({
  accountId: "333333333333",
  awsRegion: "eu-west-1",
  resourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  resourceName: "oracle-ee-prod-001",
  availabilityZone: "eu-west-1a",
  tags: [{ key: "Application", value: "erp", tag: "Application=erp" }],
  configuration: {
    dBInstanceIdentifier: "oracle-ee-prod-001",
    dBInstanceClass: "db.r5.2xlarge",
    engine: "oracle-ee",
    dBInstanceStatus: "available",
    multiAZ: true,
    licenseModel: "bring-your-own-license",
    dbiResourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    dBInstanceArn: "arn:aws:rds:eu-west-1:333333333333:db:oracle-ee-prod-001",
    instanceCreateTime: "2024-06-01T12:00:00.000Z",
    processorFeatures: [{ name: "coreCount", value: "4" }, { name: "threadsPerCore", value: "2" }],
    endpoint: { address: "oracle-ee-prod-001.x.eu-west-1.rds.amazonaws.com", port: 1521 },
    optionGroupMemberships: [{ optionGroupName: "default:oracle-ee-19", status: "in-sync" }],
  },
});

describe("Config items", () => {
  it("pascalize turns Config's camelCase back into SDK names", () => {
    expect(pascalize({ dBInstanceIdentifier: "x", multiAZ: true, dbiResourceId: "d", cpuOptions: { coreCount: 2 }, tags: [{ key: "k", value: "v" }] })).toEqual({ DBInstanceIdentifier: "x", MultiAZ: true, DbiResourceId: "d", CpuOptions: { CoreCount: 2 }, Tags: [{ Key: "k", Value: "v" }] });
  });

  it("an EC2 instance item gives the row DescribeInstances would", () => {
    const item = parseConfigItem(instanceResult);
    const row = instanceFromConfigItem(item);
    const direct = mapInstance(
      { InstanceId: "i-0a1b2c3d4e5f60718", ImageId: "ami-0f1e2d3c4b5a69788", State: { Code: 16, Name: "running" }, StateTransitionReason: "", InstanceType: "r5.xlarge", LaunchTime: new Date("2025-03-04T09:15:00.000Z"), Placement: { AvailabilityZone: "us-east-1b", Tenancy: "dedicated" }, Platform: "windows" as Instance["Platform"], PlatformDetails: "Windows with SQL Server Enterprise", UsageOperation: "RunInstances:0102", CpuOptions: { CoreCount: 2, ThreadsPerCore: 1 }, PrivateIpAddress: "10.16.3.25", VpcId: "vpc-1", SubnetId: "subnet-1", Licenses: [], Tags: [{ Key: "Name", Value: "sqlent-prod-001" }] },
      { OwnerId: "222222222222" },
    );
    expect(withoutRaw(row)).toEqual(withoutRaw(direct));
    expect(row).toMatchObject({ ownerId: "222222222222", vcpus: 2, licensedProduct: "Windows with SQL Server Enterprise", licenceModel: "license-included", name: "sqlent-prod-001", launchTime: "2025-03-04T09:15:00.000Z" });
    expect(row.raw).toMatchObject({ InstanceId: "i-0a1b2c3d4e5f60718", LaunchTime: "2025-03-04T09:15:00.000Z", OwnerId: "222222222222" });
  });

  it("a dedicated host item unwraps state.value", () => {
    const row = hostFromConfigItem(parseConfigItem(hostResult));
    expect(row).toMatchObject({ hostId: "h-0a1b2c3d4e5f60718", state: "available", sockets: 2, cores: 48, totalVcpus: 96, instanceFamily: "m5", availableVcpus: 94, ownerId: "222222222222", availabilityZone: "us-west-2a", name: "host-m5-prod-001", allocationTime: "2025-01-10T08:00:00.000Z" });
    expect(row.instances).toEqual([{ instanceId: "i-1", instanceType: "m5.large", ownerId: "222222222222" }]);
    const direct = mapHost({
      HostId: "h-0a1b2c3d4e5f60718", State: "available", HostProperties: { Cores: 48, Sockets: 2, TotalVCpus: 96, InstanceFamily: "m5" }, Instances: [{ InstanceId: "i-1", InstanceType: "m5.large", OwnerId: "222222222222" }],
      AvailableCapacity: { AvailableVCpus: 94 }, AllocationTime: new Date("2025-01-10T08:00:00.000Z"), AutoPlacement: "on", OwnerId: "222222222222", AvailabilityZone: "us-west-2a", Tags: [{ Key: "Name", Value: "host-m5-prod-001" }],
    });
    expect(withoutRaw(row)).toEqual(withoutRaw(direct));
    expect(hostFromConfigItem({ accountId: "1", awsRegion: "r", configuration: { hostId: "h-2", state: "released" } }).state).toBe("released");
  });

  it("an RDS item with dB casing gives the row DescribeDBInstances would", () => {
    const row = dbInstanceFromConfigItem(parseConfigItem(dbResult));
    const direct = mapDbInstance({
      DBInstanceIdentifier: "oracle-ee-prod-001", DBInstanceClass: "db.r5.2xlarge", Engine: "oracle-ee", DBInstanceStatus: "available", MultiAZ: true, LicenseModel: "bring-your-own-license",
      DbiResourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ", DBInstanceArn: "arn:aws:rds:eu-west-1:333333333333:db:oracle-ee-prod-001", InstanceCreateTime: new Date("2024-06-01T12:00:00.000Z"),
      ProcessorFeatures: [{ Name: "coreCount", Value: "4" }, { Name: "threadsPerCore", Value: "2" }], Endpoint: { Address: "oracle-ee-prod-001.x.eu-west-1.rds.amazonaws.com", Port: 1521 },
      OptionGroupMemberships: [{ OptionGroupName: "default:oracle-ee-19", Status: "in-sync" }], TagList: [{ Key: "Application", Value: "erp" }],
    });
    expect(withoutRaw(row)).toEqual(withoutRaw(direct));
    expect(row).toMatchObject({ dbInstanceIdentifier: "oracle-ee-prod-001", vcpus: 8, licenceModel: "byol", multiAz: true });
  });

  it("fills identifiers from the item when the configuration lacks them", () => {
    const db = dbInstanceFromConfigItem({ accountId: "1", awsRegion: "r", resourceId: "db-X", resourceName: "name-x", configuration: { engine: "mysql" } });
    expect(db).toMatchObject({ dbInstanceIdentifier: "name-x", dbiResourceId: "db-X", tags: {} });
    expect(instanceFromConfigItem({ accountId: "1", awsRegion: "r", resourceId: "i-9", availabilityZone: "r-1a" })).toMatchObject({ instanceId: "i-9", availabilityZone: "r-1a", ownerId: "1" });
  });

  it("recognises items of deleted resources", () => {
    const item = (configurationItemStatus?: string) => ({ accountId: "1", awsRegion: "r", configurationItemStatus });
    expect(isDeletedConfigItem(item("ResourceDeleted"))).toBe(true);
    expect(isDeletedConfigItem(item("ResourceDeletedNotRecorded"))).toBe(true);
    expect(isDeletedConfigItem(item("OK"))).toBe(false);
    expect(isDeletedConfigItem(item("ResourceDiscovered"))).toBe(false);
    expect(isDeletedConfigItem(item())).toBe(false);
  });

  it("rejects a result without its account and region", () => {
    expect(() => parseConfigItem(JSON.stringify({ resourceId: "i-1" }))).toThrow(/accountId/);
  });
});
