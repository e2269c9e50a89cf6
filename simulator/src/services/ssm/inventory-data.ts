// One managed node's inventory, per type, in the shape GetInventory and ListInventoryEntries
// serve: every value a string (AWS's inventory schema stores strings only). Facts EC2 already
// holds (CPU topology, IP, platform, state) are read from the instance at serve time.
import type { Ec2Instance, ManagedNodeSpec } from "../../world/types";

export interface InventoryItem {
  TypeName: string;
  SchemaVersion: string;
  /** ISO-8601 without milliseconds, as the agent stamps it. */
  CaptureTime: string;
  Content: Record<string, string>[];
}

/** The attributes of the types the simulator serves; filters on other attributes are invalid. */
export const SERVED_TYPES: Record<string, { schemaVersion: string; attributes: string[] }> = {
  "AWS:InstanceInformation": {
    schemaVersion: "1.0",
    attributes: [
      "AgentType",
      "AgentVersion",
      "ComputerName",
      "InstanceId",
      "InstanceStatus",
      "IpAddress",
      "PlatformName",
      "PlatformType",
      "PlatformVersion",
      "ResourceType",
    ],
  },
  "AWS:Application": {
    schemaVersion: "1.1",
    // The agent may also report Release, Epoch, URL, Summary and PackageId; filters accept them.
    attributes: [
      "Name",
      "Publisher",
      "Version",
      "InstalledTime",
      "ApplicationType",
      "Architecture",
      "Release",
      "Epoch",
      "URL",
      "Summary",
      "PackageId",
    ],
  },
  "AWS:InstanceDetailedInformation": {
    schemaVersion: "1.0",
    attributes: ["CPUModel", "CPUCores", "CPUSockets", "CPUs", "CPUSpeedMHz", "CPUHyperThreadEnabled", "OSServicePack"],
  },
  "AWS:WindowsRegistry": { schemaVersion: "1.0", attributes: ["KeyPath", "ValueName", "ValueType", "Value"] },
};

/** AWS's other inventory types: valid names that simply hold no data in the simulator. */
const OTHER_AWS_TYPES = [
  "AWS:AWSComponent",
  "AWS:BillingInfo",
  "AWS:ComplianceItem",
  "AWS:ComplianceSummary",
  "AWS:File",
  "AWS:Network",
  "AWS:PatchSummary",
  "AWS:ResourceGroup",
  "AWS:Service",
  "AWS:Tag",
  "AWS:WindowsRole",
  "AWS:WindowsUpdate",
];

export function isKnownTypeName(name: string): boolean {
  return name in SERVED_TYPES || OTHER_AWS_TYPES.includes(name) || /^Custom:[a-zA-Z0-9_.\-]{1,92}$/.test(name);
}

/** AWS:InstanceInformation's InstanceStatus: the instance's state, or the agent's lost link. */
export function instanceStatus(i: Ec2Instance, node: ManagedNodeSpec): string {
  const state = i.State.Name;
  if (state === "terminated" || state === "shutting-down") return "Terminated";
  if (state === "stopped" || state === "stopping") return "Stopped";
  return node.PingStatus === "Online" ? "Active" : node.PingStatus;
}

const isoSeconds = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Inventory is captured on a schedule, so its time is rounded down to the half hour: it stays
 * put across the pages and calls of one collection, as AWS's does between two captures.
 */
export function captureEpoch(node: ManagedNodeSpec, nowMs: number): number | undefined {
  if (node.InventorySecondsAgo === undefined) return undefined;
  const t = Math.floor(nowMs / 1000) - node.InventorySecondsAgo;
  return t - (t % 1800);
}

/** The node's inventory by type name; empty when no inventory association has reported yet. */
export function inventoryOf(i: Ec2Instance, nowMs: number): Record<string, InventoryItem> {
  const node = i.Ssm;
  const captured = node && captureEpoch(node, nowMs);
  if (!node || captured === undefined) return {};
  const item = (TypeName: string, Content: Record<string, string>[]): InventoryItem => ({
    TypeName,
    SchemaVersion: SERVED_TYPES[TypeName].schemaVersion,
    CaptureTime: isoSeconds(captured),
    Content,
  });
  const { CoreCount, ThreadsPerCore } = i.CpuOptions;
  const out: Record<string, InventoryItem> = {
    "AWS:InstanceInformation": item("AWS:InstanceInformation", [
      {
        AgentType: "amazon-ssm-agent",
        AgentVersion: node.AgentVersion,
        ComputerName: node.ComputerName,
        InstanceId: i.InstanceId,
        InstanceStatus: instanceStatus(i, node),
        IpAddress: i.PrivateIpAddress,
        PlatformName: node.PlatformName,
        PlatformType: platformType(i),
        PlatformVersion: node.PlatformVersion,
        ResourceType: "EC2Instance",
      },
    ]),
    "AWS:Application": item(
      "AWS:Application",
      node.Applications.map((a) => ({ ...a })),
    ),
    "AWS:InstanceDetailedInformation": item("AWS:InstanceDetailedInformation", [
      {
        CPUModel: node.CpuModel,
        CPUCores: String(CoreCount),
        // Large (metal-sized) instance types span two sockets.
        CPUSockets: CoreCount > 48 ? "2" : "1",
        CPUs: String(CoreCount * ThreadsPerCore),
        CPUSpeedMHz: String(node.CpuSpeedMHz),
        CPUHyperThreadEnabled: ThreadsPerCore > 1 ? "true" : "false",
        OSServicePack: node.OSServicePack ?? "",
      },
    ]),
  };
  if (node.Registry?.length)
    out["AWS:WindowsRegistry"] = item(
      "AWS:WindowsRegistry",
      node.Registry.map((r) => ({ ...r })),
    );
  return out;
}

export function platformType(i: Ec2Instance): "Windows" | "Linux" {
  return i.Platform === "windows" ? "Windows" : "Linux";
}
