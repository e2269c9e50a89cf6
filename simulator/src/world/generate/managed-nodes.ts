// Makes instances SSM managed nodes: the agent's ping and inventory timing, the software the AMI
// brings and, for scale worlds, generic packages up to N applications per node. Drawn from its
// own stream so adding managed nodes never changes any other generated resource.
import { AGENT_VERSION, cpuOf, fillerApplication, platformSoftware } from "../catalog/software";
import { Prng } from "../prng";
import type { Ec2Instance, InventoryApplication, ManagedNodeSpec } from "../types";

const HOUR = 3600;

export interface ManagedNodeOptions {
  seed: number;
  accountId: string;
  region: string;
  /** Applications per node: the platform's own first, then generic packages up to this count. */
  applicationsPerNode: number;
}

/** Every running instance gets an Online agent with a recent inventory. */
export function attachManagedNodes(instances: Ec2Instance[], o: ManagedNodeOptions): void {
  const rng = Prng.of(o.seed, o.accountId, o.region, "ssm");
  for (const i of instances) if (i.State.Name === "running") i.Ssm = makeManagedNode(i, rng, o.applicationsPerNode);
}

export function makeManagedNode(i: Ec2Instance, rng: Prng, applicationsPerNode = 0): ManagedNodeSpec {
  const platform = platformSoftware(i);
  const cpu = cpuOf(i.InstanceType, i.Architecture);
  const installed = installedAt(i.LaunchTime);
  const applications: InventoryApplication[] = platform.applications.map((a) => ({ ...a, InstalledTime: installed }));
  for (let n = 0; applications.length < applicationsPerNode; n++)
    applications.push({ ...fillerApplication(n, i), InstalledTime: installed });
  return {
    AgentVersion: AGENT_VERSION,
    PingStatus: "Online",
    // The agent pings every 5 minutes; the inventory association runs every 12 hours.
    LastPingSecondsAgo: rng.int(5, 295),
    InventorySecondsAgo: rng.int(10 * 60, 12 * HOUR),
    ComputerName:
      i.Platform === "windows" ? `EC2AMAZ-${rng.chars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 7)}` : i.PrivateDnsName,
    PlatformName: platform.PlatformName,
    PlatformVersion: platform.PlatformVersion,
    Applications: applications,
    ...(platform.registry ? { Registry: platform.registry.map((r) => ({ ...r })) } : {}),
    CpuModel: cpu.model,
    CpuSpeedMHz: cpu.mhz,
    ...(i.Platform === "windows" ? { OSServicePack: "0" } : {}),
  };
}

/** AWS:Application InstalledTime: whole seconds, "Z" suffix. */
export function installedAt(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
}
