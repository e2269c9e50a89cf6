// The demo's software on purpose: every running instance is a managed node with its AMI's
// software, and a few chosen instances carry licensable products or SSM edge cases
// (DEMO_SOFTWARE_CELLS). Only SSM data changes: no instance is added, removed or altered, so
// every EC2 figure of the demo stays as it was.
import { IBM_MQ, ORACLE_DATABASE_EE, type PlatformSoftwareAddition, sqlServer } from "../catalog/software";
import { installedAt } from "../generate/managed-nodes";
import type { Ec2Instance, Partition } from "../types";
import { DEMO_REGIONS, DEMO_SOFTWARE_CELLS, type DemoSoftwareRole } from "./layout";

const STALE_SECONDS = 40 * 86_400;

const runningManaged = (i: Ec2Instance) => i.State.Name === "running" && !!i.Ssm;
const plainLinux = (i: Ec2Instance) =>
  runningManaged(i) && i.PlatformDetails === "Linux/UNIX" && i.Placement.Tenancy === "default" && !i.InstanceLifecycle;
const plainWindows = (i: Ec2Instance) =>
  runningManaged(i) && i.UsageOperation === "RunInstances:0002" && i.Placement.Tenancy === "default";

const hyperThreaded = (i: Ec2Instance) =>
  plainLinux(i) && i.Architecture === "x86_64" && i.CpuOptions.ThreadsPerCore === 2;

/**
 * Which instance of its cell each role takes (the first match of the first predicate that
 * matches any), and what it does to it.
 */
const ROLES: Record<DemoSoftwareRole, { pick: ((i: Ec2Instance) => boolean)[]; apply: (i: Ec2Instance) => void }> = {
  oracleEnterprise: {
    // Hyper-threading on and several cores, so Oracle's "2 vCPUs = 1 processor" rule has
    // something to halve (8 vCPUs: 4 licences).
    pick: [(i) => hyperThreaded(i) && i.CpuOptions.CoreCount >= 4, hyperThreaded],
    apply: (i) => install(i, ORACLE_DATABASE_EE),
  },
  sqlStandardByol: { pick: [plainWindows], apply: (i) => install(i, sqlServer("2019", "Standard Edition")) },
  sqlDeveloper: { pick: [plainWindows], apply: (i) => install(i, sqlServer("2019", "Developer Edition")) },
  ibmMq: { pick: [(i) => plainLinux(i) && i.Architecture === "x86_64"], apply: (i) => install(i, IBM_MQ) },
  noAgent: { pick: [plainLinux], apply: (i) => delete i.Ssm },
  staleInventory: {
    pick: [plainLinux],
    apply: (i) => {
      i.Ssm = { ...i.Ssm!, PingStatus: "ConnectionLost", LastPingSecondsAgo: STALE_SECONDS };
      i.Ssm.InventorySecondsAgo = STALE_SECONDS + 3600;
    },
  },
};

function install(i: Ec2Instance, software: PlatformSoftwareAddition): void {
  const node = i.Ssm!;
  const installed = installedAt(i.LaunchTime);
  node.Applications.push(...software.applications.map((a) => ({ ...a, InstalledTime: installed })));
  if (software.registry) node.Registry = [...(node.Registry ?? []), ...software.registry.map((r) => ({ ...r }))];
}

/** Applies the roles placed in this member cell. */
export function applyDemoSoftware(partition: Partition, accountId: string, region: string, instances: Ec2Instance[]) {
  const regionIndex = DEMO_REGIONS[partition].findIndex(([name]) => name === region);
  // Roles take distinct instances, so two roles in one cell never stack on one instance.
  const taken = new Set<string>();
  for (const [role, cell] of Object.entries(DEMO_SOFTWARE_CELLS) as [
    DemoSoftwareRole,
    { account: string; regionIndex: number },
  ][]) {
    if (cell.account !== accountId || cell.regionIndex !== regionIndex) continue;
    const free = instances.filter((i) => !taken.has(i.InstanceId));
    const target = ROLES[role].pick.map((p) => free.find(p)).find(Boolean);
    if (!target) {
      // The aws partition is the demo everyone sees: a missing role there is a world bug. The
      // smaller China and GovCloud demos carry the roles their instances allow.
      if (partition === "aws") throw new Error(`demo world: no instance for ${role} in ${accountId} ${region}`);
      continue;
    }
    taken.add(target.InstanceId);
    ROLES[role].apply(target);
  }
}
