// What the SSM operations must answer, computed from a world spec alone: the managed nodes of a
// cell and each node's inventory rows, with the simulator's own rules (stopped nodes have lost
// their connection, times are relative to "now", values are strings).
import type { Ec2Instance, WorldSpec } from "../src/index";

export function cellInstances(spec: WorldSpec, account: string, region: string): Ec2Instance[] {
  return spec.accounts.find((a) => a.id === account)?.regions.find((r) => r.name === region)?.instances ?? [];
}

/** DescribeInstanceInformation's nodes: agents on instances that are not terminated. */
export function expectedNodes(spec: WorldSpec, account: string, region: string): Ec2Instance[] {
  return cellInstances(spec, account, region).filter(
    (i) => i.Ssm && i.State.Name !== "terminated" && i.State.Name !== "shutting-down",
  );
}

export const expectedPing = (i: Ec2Instance) => (i.State.Name === "running" ? i.Ssm!.PingStatus : "ConnectionLost");

/** GetInventory's entities: nodes whose agent has captured inventory. */
export function expectedInventoried(spec: WorldSpec, account: string, region: string): Ec2Instance[] {
  return cellInstances(spec, account, region).filter((i) => i.Ssm?.InventorySecondsAgo !== undefined);
}

export function expectedApplications(i: Ec2Instance): Record<string, string>[] {
  return i.Ssm!.Applications.map((a) => ({ ...a }));
}

export function expectedDetailed(i: Ec2Instance): Record<string, string> {
  const { CoreCount, ThreadsPerCore } = i.CpuOptions;
  return {
    CPUCores: String(CoreCount),
    CPUs: String(CoreCount * ThreadsPerCore),
    CPUHyperThreadEnabled: ThreadsPerCore > 1 ? "true" : "false",
    CPUModel: i.Ssm!.CpuModel,
    CPUSpeedMHz: String(i.Ssm!.CpuSpeedMHz),
  };
}

/** Every instance of the world with an application of this name, and where it is. */
export function instancesWithApplication(spec: WorldSpec, name: string) {
  return spec.accounts.flatMap((a) =>
    a.regions.flatMap((r) =>
      (r.instances ?? [])
        .filter((i) => i.Ssm?.Applications.some((x) => x.Name === name))
        .map((instance) => ({ account: a.id, region: r.name, instance })),
    ),
  );
}

/** Asserts a time lies `secondsAgo` before now, within the rounding the simulator applies. */
export function isAboutSecondsAgo(time: Date | string, secondsAgo: number, roundingSeconds: number): boolean {
  const t = new Date(time).getTime() / 1000;
  const expected = Date.now() / 1000 - secondsAgo;
  return t <= expected + 5 && t >= expected - roundingSeconds - 5;
}
