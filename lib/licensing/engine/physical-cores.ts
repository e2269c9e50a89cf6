import { divideUp } from "./arithmetic";
import type { DedicatedHostInput } from "./types";

/**
 * A dedicated host's physical cores with a per-processor minimum (Windows Server: 8, SQL Server: 4):
 * "2 processors × max(48 / 2 = 24 cores, minimum 8) = 48". Null when sockets or cores are unknown.
 */
export function physicalCoresWithMinimum(
  host: DedicatedHostInput,
  minPerProcessor: number,
): { value: number; text: string } | null {
  if (!host.sockets || !host.cores) return null;
  const perProcessor = divideUp(host.cores, host.sockets);
  const licensed = Math.max(perProcessor.value, minPerProcessor);
  const value = host.sockets * licensed;
  return {
    value,
    text: `${host.sockets} processor${host.sockets === 1 ? "" : "s"} × max(${perProcessor.text} cores, minimum ${minPerProcessor}) = ${value}`,
  };
}

export const HOST_SIZE_UNKNOWN =
  "Host sockets or physical cores not known: no figure until DescribeHosts reports them.";
