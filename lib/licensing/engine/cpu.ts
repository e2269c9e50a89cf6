import type { CpuInput } from "./types";

export type ResolvedCpu = {
  vcpus: number | null;
  hyperThreading: boolean;
  /** Where the hyper-threading answer came from, for the arithmetic. */
  hyperThreadingSource: "SSM" | "CPU options" | "assumed off";
};

/**
 * vCPUs and hyper-threading of an instance. SSM's CPUHyperThreadEnabled is what the OS sees and
 * wins; otherwise ThreadsPerCore > 1 means on. Unknown counts as off: a count may overstate, never
 * understate (the same choice as oracle.ts).
 */
export function resolveCpu(input: CpuInput): ResolvedCpu {
  const { cores, threadsPerCore } = input;
  const vcpus = input.vcpus ?? (cores && threadsPerCore ? cores * threadsPerCore : null);
  if (typeof input.hyperThreadEnabled === "boolean")
    return { vcpus, hyperThreading: input.hyperThreadEnabled, hyperThreadingSource: "SSM" };
  if (threadsPerCore) return { vcpus, hyperThreading: threadsPerCore > 1, hyperThreadingSource: "CPU options" };
  return { vcpus, hyperThreading: false, hyperThreadingSource: "assumed off" };
}
