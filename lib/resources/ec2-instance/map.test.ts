import type { Instance } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { mapInstance, type TypeFactsLookup } from "./map";

// Shaped like DescribeInstances output from the SDK (Dates, nested Placement, CpuOptions).
const windowsByolOnHost: Instance = {
  InstanceId: "i-0a1b2c3d4e5f60718",
  ImageId: "ami-0f1e2d3c4b5a69788",
  State: { Code: 16, Name: "running" },
  PrivateDnsName: "ip-10-16-3-25.ec2.internal",
  PublicDnsName: "",
  StateTransitionReason: "",
  InstanceType: "r5.2xlarge",
  LaunchTime: new Date("2025-03-04T09:15:00.000Z"),
  Placement: {
    AvailabilityZone: "us-east-1b",
    Tenancy: "host",
    HostId: "h-0123456789abcdef0",
    Affinity: "host",
    GroupName: "",
  },
  Platform: "windows" as Instance["Platform"],
  PlatformDetails: "Windows BYOL",
  UsageOperation: "RunInstances:0800",
  UsageOperationUpdateTime: new Date("2025-03-04T09:15:00.000Z"),
  CpuOptions: { CoreCount: 4, ThreadsPerCore: 2 },
  VpcId: "vpc-0aa11bb22cc33dd44",
  SubnetId: "subnet-0123abcd4567ef890",
  PrivateIpAddress: "10.16.3.25",
  IamInstanceProfile: { Arn: "arn:aws:iam::222222222222:instance-profile/app", Id: "AIPAEXAMPLE" },
  Licenses: [
    { LicenseConfigurationArn: "arn:aws:license-manager:us-east-1:222222222222:license-configuration:lic-2" },
    { LicenseConfigurationArn: "arn:aws:license-manager:us-east-1:222222222222:license-configuration:lic-1" },
  ],
  ProductCodes: [],
  Tags: [
    { Key: "Name", Value: "winbyol-prod-001" },
    { Key: "Environment", Value: "prod" },
  ],
};

const image = { name: "acme-windows-2019-byol-2024.09", ownerId: "222222222222", productCodes: [] };

describe("mapInstance", () => {
  it("maps a Windows BYOL instance on a dedicated host", () => {
    const row = mapInstance(
      windowsByolOnHost,
      { ReservationId: "r-0123456789abcdef0", OwnerId: "222222222222" },
      image,
    );
    expect(row).toMatchObject({
      instanceId: "i-0a1b2c3d4e5f60718",
      ownerId: "222222222222",
      availabilityZone: "us-east-1b",
      name: "winbyol-prod-001",
      state: "running",
      stateTransitionReason: null,
      launchTime: "2025-03-04T09:15:00.000Z",
      lifecycle: "on-demand",
      instanceType: "r5.2xlarge",
      coreCount: 4,
      threadsPerCore: 2,
      vcpus: 8,
      platform: "windows",
      platformDetails: "Windows BYOL",
      usageOperation: "RunInstances:0800",
      licensedProduct: "Windows",
      licenceModel: "byol",
      imageId: "ami-0f1e2d3c4b5a69788",
      imageName: "acme-windows-2019-byol-2024.09",
      imageOwnerId: "222222222222",
      imageProductCodes: [],
      tenancy: "host",
      hostId: "h-0123456789abcdef0",
      affinity: "host",
      privateIpAddress: "10.16.3.25",
      privateDnsName: "ip-10-16-3-25.ec2.internal",
      publicIpAddress: null,
      vpcId: "vpc-0aa11bb22cc33dd44",
      subnetId: "subnet-0123abcd4567ef890",
      iamInstanceProfileArn: "arn:aws:iam::222222222222:instance-profile/app",
      tags: { Name: "winbyol-prod-001", Environment: "prod" },
    });
    // Sorted, so a reordering by AWS is not a change.
    expect(row.licenseConfigurationArns).toEqual([
      "arn:aws:license-manager:us-east-1:222222222222:license-configuration:lic-1",
      "arn:aws:license-manager:us-east-1:222222222222:license-configuration:lic-2",
    ]);
  });

  it("keeps the SDK object as JSON in raw, with its reservation", () => {
    const row = mapInstance(windowsByolOnHost, { ReservationId: "r-0123456789abcdef0", OwnerId: "222222222222" });
    expect(row.raw).toMatchObject({
      InstanceId: "i-0a1b2c3d4e5f60718",
      LaunchTime: "2025-03-04T09:15:00.000Z",
      ReservationId: "r-0123456789abcdef0",
      OwnerId: "222222222222",
      CpuOptions: { CoreCount: 4, ThreadsPerCore: 2 },
    });
    expect(JSON.parse(JSON.stringify(row.raw))).toEqual(row.raw);
    expect(row.imageName).toBeNull();
  });

  it("a spot Linux instance with SQL Server's Optimize CPU settings and marketplace codes", () => {
    const row = mapInstance(
      {
        InstanceId: "i-0fedcba9876543210",
        InstanceType: "r5.xlarge",
        State: { Code: 80, Name: "stopped" },
        StateTransitionReason: "User initiated (2026-10-01 18:04:11 GMT)",
        InstanceLifecycle: "spot",
        PlatformDetails: "Windows with SQL Server Standard",
        UsageOperation: "RunInstances:0006",
        CpuOptions: { CoreCount: 2, ThreadsPerCore: 1 },
        ProductCodes: [{ ProductCodeId: "prodcode123", ProductCodeType: "marketplace" }],
      },
      { OwnerId: "333333333333" },
      { name: "sql-std", ownerId: "801119661308", productCodes: ["prodcode123", "other"] },
    );
    expect(row).toMatchObject({
      state: "stopped",
      stateTransitionReason: "User initiated (2026-10-01 18:04:11 GMT)",
      lifecycle: "spot",
      vcpus: 2,
      threadsPerCore: 1,
      licensedProduct: "Windows with SQL Server Standard",
      licenceModel: "license-included",
      imageProductCodes: ["other", "prodcode123"],
      name: null,
      tags: {},
    });
  });

  it("falls back to the instance type's default topology when CpuOptions is missing", () => {
    expect(mapInstance({ InstanceId: "i-1", InstanceType: "m6g.xlarge" }, {})).toMatchObject({
      coreCount: 4,
      threadsPerCore: 1,
      vcpus: 4,
      licensedProduct: "unknown",
      licenceModel: "unknown",
    });
    expect(
      mapInstance({ InstanceId: "i-2", InstanceType: "z9.unknown" as Instance["InstanceType"] }, {}),
    ).toMatchObject({ coreCount: null, threadsPerCore: null, vcpus: null, ownerId: null, launchTime: null });
    // A reported value wins over the default for the part AWS gave.
    expect(
      mapInstance({ InstanceId: "i-3", InstanceType: "m5.2xlarge", CpuOptions: { CoreCount: 2 } }, {}),
    ).toMatchObject({ coreCount: 2, threadsPerCore: 2, vcpus: 4 });
  });

  it("takes vCPUs of instance types outside the built-in table from DescribeInstanceTypes when CpuOptions is absent", () => {
    // What DescribeInstanceTypes documents for these types (VCpuInfo defaults).
    const described: Record<string, { vcpus: number; cores: number | null; threadsPerCore: number | null }> = {
      "g5.xlarge": { vcpus: 4, cores: 2, threadsPerCore: 2 },
      "p4d.24xlarge": { vcpus: 96, cores: 48, threadsPerCore: 2 },
      "mac2.metal": { vcpus: 12, cores: 12, threadsPerCore: 1 },
      "x9.odd": { vcpus: 6, cores: null, threadsPerCore: null },
    };
    const lookup: TypeFactsLookup = (type) =>
      described[type] ? { ...described[type], source: "instance-types" } : null;
    for (const [type, facts] of Object.entries(described)) {
      const row = mapInstance({ InstanceId: "i-1", InstanceType: type as Instance["InstanceType"] }, {}, null, lookup);
      expect(row, type).toMatchObject({
        vcpus: facts.vcpus,
        coreCount: facts.cores,
        threadsPerCore: facts.threadsPerCore,
        vcpuSource: "instance-types",
      });
    }
    // The instance's own CpuOptions win (Optimize CPU), and say so.
    expect(
      mapInstance(
        { InstanceId: "i-2", InstanceType: "p4d.24xlarge", CpuOptions: { CoreCount: 24, ThreadsPerCore: 1 } },
        {},
        null,
        lookup,
      ),
    ).toMatchObject({ vcpus: 24, vcpuSource: "cpu-options" });
    // Nobody knows the type: no figure, no source.
    expect(
      mapInstance({ InstanceId: "i-3", InstanceType: "z9.unknown" as Instance["InstanceType"] }, {}, null, lookup),
    ).toMatchObject({ vcpus: null, vcpuSource: null });
  });

  it("marks figures from the built-in table as such (DescribeInstanceTypes unavailable, or Config items)", () => {
    expect(mapInstance({ InstanceId: "i-1", InstanceType: "m6g.xlarge" }, {})).toMatchObject({
      vcpus: 4,
      vcpuSource: "built-in",
    });
    expect(mapInstance({ InstanceId: "i-2", InstanceType: "g5.xlarge" }, {})).toMatchObject({
      vcpus: null,
      vcpuSource: null,
    });
    expect(mapInstance(windowsByolOnHost, {})).toMatchObject({ vcpus: 8, vcpuSource: "cpu-options" });
  });
});
