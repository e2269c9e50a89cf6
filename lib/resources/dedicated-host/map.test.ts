import { describe, expect, it } from "vitest";
import { mapHost } from "./map";

describe("mapHost", () => {
  it("maps a multi-type r5 host with two placed instances", () => {
    const row = mapHost({
      HostId: "h-0a1b2c3d4e5f60718",
      AutoPlacement: "off",
      AvailabilityZone: "us-west-2a",
      AvailableCapacity: {
        AvailableInstanceCapacity: [{ InstanceType: "r5.large", AvailableCapacity: 40, TotalCapacity: 48 }],
        AvailableVCpus: 80,
      },
      HostProperties: { Cores: 48, InstanceFamily: "r5", Sockets: 2, TotalVCpus: 96 },
      Instances: [
        { InstanceId: "i-0bbbbbbbbbbbbbbbb", InstanceType: "r5.2xlarge", OwnerId: "222222222222" },
        { InstanceId: "i-0aaaaaaaaaaaaaaaa", InstanceType: "r5.2xlarge", OwnerId: "333333333333" },
      ],
      State: "available",
      AllocationTime: new Date("2025-01-10T08:00:00.000Z"),
      Tags: [
        { Key: "Name", Value: "host-r5-prod-001" },
        { Key: "Purpose", Value: "byol" },
      ],
      HostRecovery: "on",
      AllowsMultipleInstanceTypes: "on",
      OwnerId: "222222222222",
    });
    expect(row).toEqual({
      hostId: "h-0a1b2c3d4e5f60718",
      ownerId: "222222222222",
      availabilityZone: "us-west-2a",
      state: "available",
      sockets: 2,
      cores: 48,
      totalVcpus: 96,
      instanceType: null,
      instanceFamily: "r5",
      instances: [
        { instanceId: "i-0aaaaaaaaaaaaaaaa", instanceType: "r5.2xlarge", ownerId: "333333333333" },
        { instanceId: "i-0bbbbbbbbbbbbbbbb", instanceType: "r5.2xlarge", ownerId: "222222222222" },
      ],
      availableVcpus: 80,
      allocationTime: "2025-01-10T08:00:00.000Z",
      releaseTime: null,
      autoPlacement: "off",
      hostRecovery: "on",
      hostReservationId: null,
      name: "host-r5-prod-001",
      tags: { Name: "host-r5-prod-001", Purpose: "byol" },
      raw: expect.objectContaining({ HostId: "h-0a1b2c3d4e5f60718", AllocationTime: "2025-01-10T08:00:00.000Z" }),
    });
  });

  it("maps a released single-type host without instances", () => {
    const row = mapHost({
      HostId: "h-1",
      State: "released",
      HostProperties: { Cores: 36, Sockets: 2, TotalVCpus: 72, InstanceType: "c5.xlarge" },
      ReleaseTime: new Date("2026-10-01T00:00:00Z"),
    });
    expect(row).toMatchObject({
      state: "released",
      instanceType: "c5.xlarge",
      instanceFamily: null,
      instances: [],
      releaseTime: "2026-10-01T00:00:00.000Z",
      name: null,
      tags: {},
    });
  });
});
