import type { SoftwareUnknownReason } from "./types";

const DAY_MS = 86_400_000;

/** What SSM last said about an instance as a managed node (ManagedNode columns). */
export type NodeFacts = { pingStatus: string | null; lastPingAt: Date | null; lastInventoryAt: Date | null };

export type SoftwareStatus = { known: true } | { known: false; reason: SoftwareUnknownReason; detail: string };

type StatusInput = {
  node: NodeFacts | undefined;
  /** Some connection read this account x region's managed nodes and software in its latest attempt. */
  cellRead: boolean;
  /** EC2's state of the instance, when known: a stopped instance cannot report while stopped. */
  instanceState?: string | null;
  now: Date;
  staleDays: number;
};

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "never");

/**
 * Whether an instance's software is known. The cell comes first: when its SSM scopes could not be
 * read (denied, failed, software collection off) nothing stored about its nodes is current. Then the
 * node itself: not managed, agent not online, or an inventory older than the setting. An instance
 * with any of these is "software unknown": its software lines cannot be trusted to be complete.
 */
export function softwareStatus({ node, cellRead, instanceState, now, staleDays }: StatusInput): SoftwareStatus {
  if (!cellRead)
    return {
      known: false,
      reason: "software-not-read",
      detail:
        "SSM Inventory of this account and region was not read in the latest run (denied, failed or not collected)",
    };
  if (!node)
    return {
      known: false,
      reason: "not-managed",
      detail:
        instanceState && instanceState !== "running"
          ? `Not an SSM managed node, and ${instanceState}: no agent reports its software (an agent reports only while its instance runs)`
          : "Not an SSM managed node: no agent reports its software",
    };
  if (node.pingStatus !== "Online")
    return {
      known: false,
      reason: "agent-not-online",
      detail: `SSM Agent ${node.pingStatus ?? "status unknown"}, last ping ${day(node.lastPingAt)}`,
    };
  const limit = now.getTime() - staleDays * DAY_MS;
  if (!node.lastInventoryAt || node.lastInventoryAt.getTime() < limit)
    return {
      known: false,
      reason: "inventory-outdated",
      detail: `Newest inventory ${day(node.lastInventoryAt)}, older than ${staleDays} days`,
    };
  return { known: true };
}
