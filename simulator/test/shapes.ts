// Shape comparison of SDK outputs: which JS types sit at a dotted path (arrays walked), so two
// emulators can be compared on structure rather than values.
import { expect } from "vitest";

/** Fields present on AWS (and the simulator) that moto 5.2 leaves out. */
const MOTO_GAPS = new Set([
  // moto omits the billing/licence fields and CPU topology of instances and images.
  "Instances.PlatformDetails",
  "Instances.UsageOperation",
  "Instances.CpuOptions.CoreCount",
  "Instances.CpuOptions.ThreadsPerCore",
  "Images.PlatformDetails",
  "Images.UsageOperation",
  // moto's DescribeHosts returns only the instance type of the host, no hardware or placements.
  "Hosts.HostProperties.Cores",
  "Hosts.HostProperties.Sockets",
  "Hosts.HostProperties.TotalVCpus",
  "Hosts.AvailableCapacity.AvailableVCpus",
  // moto omits the endpoint's hosted zone.
  "DBInstances.Endpoint.HostedZoneId",
]);

/** "Reservations.Instances.State.Name" → the JS types found there (arrays are walked). */
function typesAt(value: unknown, path: string): string {
  let current: unknown[] = [value];
  for (const seg of path.split(".")) {
    current = current.flatMap((v) => {
      const child = v && typeof v === "object" ? (v as Record<string, unknown>)[seg] : undefined;
      return Array.isArray(child) ? (child.length ? child : ["<empty>"]) : child === undefined ? [] : [child];
    });
  }
  const kinds = new Set(
    current.map((v) =>
      v === "<empty>" ? "array" : v instanceof Date ? "Date" : Array.isArray(v) ? "array" : typeof v,
    ),
  );
  return [...kinds].sort().join("|") || "absent";
}

export function compareShapes(label: string, moto: unknown, sim: unknown, paths: string[]): void {
  for (const path of paths) {
    const s = typesAt(sim, path);
    expect(s, `simulator ${label} ${path}`).not.toBe("absent");
    const gap = [...MOTO_GAPS].some((g) => path.endsWith(g));
    if (!gap) expect(`${path}: ${typesAt(moto, path)}`, `${label}`).toBe(`${path}: ${s}`);
  }
}
