import { describe, expect, it } from "vitest";
import { parseConfigItem } from "../collect/config-item";
import { mapHost } from "./map";
import { hostFromConfigItem } from "./map-config";

const withoutRaw = <T extends { raw: unknown }>(row: T) => ({ ...row, raw: undefined });

// As SelectAggregateResourceConfig returns them for
// SELECT accountId, awsRegion, resourceId, resourceName, availabilityZone, tags, configuration.
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

describe("Dedicated host Config items", () => {
  it("a dedicated host item unwraps state.value", () => {
    const row = hostFromConfigItem(parseConfigItem(hostResult));
    expect(row).toMatchObject({
      hostId: "h-0a1b2c3d4e5f60718",
      state: "available",
      sockets: 2,
      cores: 48,
      totalVcpus: 96,
      instanceFamily: "m5",
      availableVcpus: 94,
      ownerId: "222222222222",
      availabilityZone: "us-west-2a",
      name: "host-m5-prod-001",
      allocationTime: "2025-01-10T08:00:00.000Z",
    });
    expect(row.instances).toEqual([{ instanceId: "i-1", instanceType: "m5.large", ownerId: "222222222222" }]);
    const direct = mapHost({
      HostId: "h-0a1b2c3d4e5f60718",
      State: "available",
      HostProperties: { Cores: 48, Sockets: 2, TotalVCpus: 96, InstanceFamily: "m5" },
      Instances: [{ InstanceId: "i-1", InstanceType: "m5.large", OwnerId: "222222222222" }],
      AvailableCapacity: { AvailableVCpus: 94 },
      AllocationTime: new Date("2025-01-10T08:00:00.000Z"),
      AutoPlacement: "on",
      OwnerId: "222222222222",
      AvailabilityZone: "us-west-2a",
      Tags: [{ Key: "Name", Value: "host-m5-prod-001" }],
    });
    expect(withoutRaw(row)).toEqual(withoutRaw(direct));
    expect(
      hostFromConfigItem({ accountId: "1", awsRegion: "r", configuration: { hostId: "h-2", state: "released" } }).state,
    ).toBe("released");
  });
});
