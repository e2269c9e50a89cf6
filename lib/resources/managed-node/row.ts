// What the collector stores for one SSM managed node that is an EC2 instance: the agent's
// state from DescribeInstanceInformation and the CPU facts of AWS:InstanceDetailedInformation
// (what licence rules count when the instance's own CpuOptions are not the whole story).
export type ManagedNodeRow = {
  instanceId: string;
  pingStatus: string | null;
  agentVersion: string | null;
  isLatestVersion: boolean | null;
  platformType: string | null;
  platformName: string | null;
  platformVersion: string | null;
  computerName: string | null;
  ipAddress: string | null;
  lastPingAt: string | null;
  /** Capture time of the node's newest inventory; null when no inventory has reported. */
  lastInventoryAt: string | null;
  cpuModel: string | null;
  cpuCores: number | null;
  cpuSockets: number | null;
  cpus: number | null;
  hyperThreading: boolean | null;
  raw: unknown;
};
