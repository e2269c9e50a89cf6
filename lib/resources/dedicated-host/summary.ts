import type { HostRow } from "../rows";
import type { InventoryInput } from "../summary-input";

export type HostsSummary = {
  hosts: {
    count: number;
    released: number;
    sockets: number;
    cores: number;
    totalVcpus: number;
    usedVcpus: number;
    utilisation: number;
  };
};

const RELEASED_HOST_STATES = new Set(["released", "released-permanent-failure"]);
// A stopped instance gives its capacity on a dedicated host back; only these occupy it.
const OCCUPYING_STATES = new Set(["pending", "running", "stopping", "shutting-down"]);

// Released hosts stay listed for a while but hold nothing. Used vCPUs are those of the instances
// placed on the active hosts (from any account: hosts can be shared), joined on Placement.HostId.
export function summarizeHosts(input: InventoryInput): HostsSummary {
  const rows = input.hosts;
  const active = rows.filter((h) => !RELEASED_HOST_STATES.has(h.state ?? ""));
  const activeIds = new Set(active.map((h) => h.hostId));
  const sum = (pick: (h: HostRow) => number | null) => active.reduce((n, h) => n + (pick(h) ?? 0), 0);
  const totalVcpus = sum((h) => h.totalVcpus);
  const usedVcpus = input.instances
    .filter((i) => i.hostId && activeIds.has(i.hostId) && OCCUPYING_STATES.has(i.state ?? ""))
    .reduce((n, i) => n + (i.vcpus ?? 0), 0);
  return {
    hosts: {
      count: active.length,
      released: rows.length - active.length,
      sockets: sum((h) => h.sockets),
      cores: sum((h) => h.cores),
      totalVcpus,
      usedVcpus,
      utilisation: totalVcpus > 0 ? Math.round((usedVcpus / totalVcpus) * 10_000) / 10_000 : 0,
    },
  };
}
