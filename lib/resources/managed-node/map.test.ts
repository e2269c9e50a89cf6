import { describe, expect, it } from "vitest";
import { mapManagedNode } from "./map";

describe("mapManagedNode", () => {
  it("joins the node with its AWS:InstanceDetailedInformation row; inventory strings become numbers and booleans", () => {
    const row = mapManagedNode(
      {
        InstanceId: "i-0abc",
        PingStatus: "Online",
        LastPingDateTime: new Date("2026-12-06T10:00:00Z"),
        AgentVersion: "3.3.1142.0",
        PlatformType: "Linux",
        PlatformName: "Amazon Linux",
        PlatformVersion: "2023",
        ComputerName: "ip-10-0-0-1.ec2.internal",
        IPAddress: "10.0.0.1",
        ResourceType: "EC2Instance",
      },
      {
        captureTime: "2026-12-06T09:30:00Z",
        rows: [{ CPUModel: "Xeon", CPUCores: "4", CPUSockets: "1", CPUs: "8", CPUHyperThreadEnabled: "true" }],
      },
    );
    expect(row).toMatchObject({
      instanceId: "i-0abc",
      pingStatus: "Online",
      lastPingAt: "2026-12-06T10:00:00.000Z",
      lastInventoryAt: "2026-12-06T09:30:00.000Z",
      cpuCores: 4,
      cpuSockets: 1,
      cpus: 8,
      hyperThreading: true,
      cpuModel: "Xeon",
    });
  });

  it("a node without inventory has no capture time and no CPU facts (unknown, not zero)", () => {
    const row = mapManagedNode({ InstanceId: "i-1", PingStatus: "ConnectionLost" }, undefined);
    expect(row).toMatchObject({ lastInventoryAt: null, cpus: null, cpuCores: null, hyperThreading: null });
  });
});
