// What the demo world says about software and licences, worked out by hand from its definition
// (instances, their SSM data, the instance type catalogue), never through Cirrus's own engine:
// shared by the licence-position integration test and its e2e drill-down.
import { buildPreset } from "../../simulator/src/world/load";
import { instanceTypeInfo } from "../../simulator/src/world/catalog/instance-types";
import { DEMO_SSM_INVENTORY_DENIED } from "../../simulator/src/world/demo/layout";
import type { Ec2Instance } from "../../simulator/src/world/types";

export type Placed = Ec2Instance & { account: string; region: string };

export const DAY_SECONDS = 86_400;
/** lib/env SOFTWARE_STALE_DAYS default (neither the tests nor the e2e server set it). */
export const STALE_DAYS = 7;

/** UsageOperation codes AWS bills SQL Server licence-included under (PRODUCT.md), and the edition each covers. */
export const SQL_INCLUDED: Record<string, string> = {
  "RunInstances:0102": "Enterprise",
  "RunInstances:0006": "Standard",
  "RunInstances:0202": "Web",
};

/** The registry's Setup\Edition value -> the edition, and whether it is free of charge. */
export const SQL_EDITIONS: [RegExp, string, boolean][] = [
  [/^Enterprise Edition/, "Enterprise", false],
  [/^Standard Edition/, "Standard", false],
  [/^Web Edition/, "Web", false],
  [/^Developer Edition/, "Developer", true],
  [/^Express Edition/, "Express", true],
];

/** Every instance of the demo world (default seed) in an enabled region, with where it lives. */
export function demoWorldInstances(): Placed[] {
  return buildPreset("demo").accounts.flatMap((account) =>
    account.regions
      .filter((region) => region.optIn !== "not-opted-in")
      .flatMap((region) => (region.instances ?? []).map((i) => ({ ...i, account: account.id, region: region.name }))),
  );
}

/** vCPUs and threads per core from the catalogue; an instance's own CpuOptions (set at launch) win. */
export function cpuOf(i: Ec2Instance) {
  const type = instanceTypeInfo(i.InstanceType);
  const cores = i.CpuOptions?.CoreCount ?? type.cores;
  const threads = i.CpuOptions?.ThreadsPerCore ?? type.threadsPerCore;
  return { vcpus: cores * threads, threads };
}

/** Software is known: the cell's inventory is readable, the agent online, its inventory recent. */
export function softwareKnown(i: Placed): boolean {
  const denied = DEMO_SSM_INVENTORY_DENIED.aws;
  if (i.account === denied.account && i.region === denied.region) return false;
  const node = i.Ssm;
  return (
    !!node &&
    node.PingStatus === "Online" &&
    node.InventorySecondsAgo !== undefined &&
    node.InventorySecondsAgo < STALE_DAYS * DAY_SECONDS
  );
}

/** The SQL Server edition its Setup registry key names, when SQL Server is installed. */
export function sqlServerEdition(i: Placed): { edition: string; free: boolean } | null {
  if (!i.Ssm?.Applications.some((a) => /^Microsoft SQL Server \d{4} \(64-bit\)$/.test(a.Name))) return null;
  const setup = i.Ssm.Registry?.find((r) => r.ValueName === "Edition" && /\\Setup$/.test(r.KeyPath))?.Value;
  const found = setup ? SQL_EDITIONS.find(([pattern]) => pattern.test(setup)) : undefined;
  return found ? { edition: found[1], free: found[2] } : null;
}
