// What the SSM Agent on an instance reports: the managed-node record DescribeInstanceInformation
// serves and the inventory GetInventory / ListInventoryEntries serve. Everything that EC2
// already knows (CPU topology, IP, platform type, state) is derived from the instance when
// served, so a runtime mutation of the instance shows in SSM too.

export type PingStatus = "Online" | "ConnectionLost" | "Inactive";

/** One AWS:Application row. AWS sends every value as a string. */
export interface InventoryApplication {
  Name: string;
  Publisher: string;
  Version: string;
  InstalledTime: string;
  /** e.g. "System Environment/Daemons" (RPM group) or "" on Windows. */
  ApplicationType: string;
  Architecture: string;
}

/** One AWS:WindowsRegistry row (only keys the inventory association was told to collect). */
export interface InventoryRegistryValue {
  KeyPath: string;
  ValueName: string;
  ValueType: "REG_SZ" | "REG_DWORD" | "REG_EXPAND_SZ" | "REG_MULTI_SZ" | "REG_QWORD" | "REG_BINARY";
  Value: string;
}

export interface ManagedNodeSpec {
  AgentVersion: string;
  /**
   * The agent's status while the instance runs; a stopped instance always answers ConnectionLost,
   * as AWS does once pings stop.
   */
  PingStatus: PingStatus;
  /**
   * Seconds before the simulator's "now" of the last ping and of the last inventory capture.
   * Relative on purpose: a world is built once and served for weeks, and absolute times would
   * turn every node stale as the calendar moves on.
   */
  LastPingSecondsAgo: number;
  /** Absent: the agent runs but no inventory association has reported yet (no GetInventory entity). */
  InventorySecondsAgo?: number;
  ComputerName: string;
  PlatformName: string;
  PlatformVersion: string;
  Applications: InventoryApplication[];
  Registry?: InventoryRegistryValue[];
  /** AWS:InstanceDetailedInformation facts EC2 does not know; cores and threads come from CpuOptions. */
  CpuModel: string;
  CpuSpeedMHz: number;
  OSServicePack?: string;
}
