import type { InventoryInput } from "../summary-input";

export type ManagedNodesSummary = { managedNodes: { count: number | null; online: number | null } };

// null when the caller did not load managed nodes (older snapshots, summaries without SSM):
// "not counted" must never read as "no managed nodes".
export function summarizeManagedNodes(input: InventoryInput): ManagedNodesSummary {
  const nodes = input.managedNodes;
  return {
    managedNodes: {
      count: nodes ? nodes.length : null,
      online: nodes ? nodes.filter((node) => node.pingStatus === "Online").length : null,
    },
  };
}
