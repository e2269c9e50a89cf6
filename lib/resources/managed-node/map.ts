import type { InstanceInformation } from "@aws-sdk/client-ssm";
import { bool, iso, jsonSafe, num, str } from "../collect/values";
import type { ManagedNodeRow } from "./row";

/** AWS:InstanceDetailedInformation's one row for a node, with its capture time. */
export type CpuInventory = { captureTime: string | null; rows: Record<string, string>[] };

/** One DescribeInstanceInformation node, joined with its CPU inventory when it has one. */
export function mapManagedNode(node: InstanceInformation, cpu: CpuInventory | undefined): ManagedNodeRow {
  const facts = cpu?.rows[0] ?? {};
  return {
    instanceId: node.InstanceId ?? "",
    pingStatus: str(node.PingStatus),
    agentVersion: str(node.AgentVersion),
    isLatestVersion: bool(node.IsLatestVersion),
    platformType: str(node.PlatformType),
    platformName: str(node.PlatformName),
    platformVersion: str(node.PlatformVersion),
    computerName: str(node.ComputerName),
    ipAddress: str(node.IPAddress),
    lastPingAt: iso(node.LastPingDateTime),
    lastInventoryAt: iso(cpu?.captureTime ?? null),
    cpuModel: str(facts.CPUModel),
    cpuCores: num(facts.CPUCores),
    cpuSockets: num(facts.CPUSockets),
    cpus: num(facts.CPUs),
    hyperThreading: bool(facts.CPUHyperThreadEnabled),
    raw: jsonSafe({ ...node, InstanceDetailedInformation: cpu ?? null }),
  };
}
