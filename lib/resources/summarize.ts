import { summarizeHosts } from "./dedicated-host/summary";
import { summarizeInstances } from "./ec2-instance/summary";
import { summarizeInstalledSoftware } from "./installed-software/summary";
import { summarizeManagedNodes } from "./managed-node/summary";
import { summarizeDatabases } from "./rds-db-instance/summary";
import { summarizeReservedInstances } from "./reserved-instance/summary";
import { RESOURCE_TYPES, type ResourceType } from "./rows";
import type { InventoryInput } from "./summary-input";

// The Overview's figures and the per-run aggregate snapshot behind the peak charts: plain JSON,
// computed from the current (non-removed) rows. Each type's folder contributes its part
// (summary.ts); licence rules live in lib/licensing.

export type { Tally } from "./ec2-instance/summary";
export type { InstanceInput, InventoryInput } from "./summary-input";

// Each type's part of the summary, by the registry's one name of the type.
export const SUMMARY_PARTS = {
  "ec2-instance": summarizeInstances,
  "dedicated-host": summarizeHosts,
  "reserved-instance": summarizeReservedInstances,
  "rds-db-instance": summarizeDatabases,
  "managed-node": summarizeManagedNodes,
  "installed-software": summarizeInstalledSoftware,
} satisfies { [T in ResourceType]: (input: InventoryInput, now: Date) => object };

type Part = ReturnType<(typeof SUMMARY_PARTS)[ResourceType]>;
type AllOf<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

export type InventorySummary = { takenAt: string } & AllOf<Part>;

export function summarizeInventory(input: InventoryInput, now: Date): InventorySummary {
  const parts = RESOURCE_TYPES.map((type) => SUMMARY_PARTS[type](input, now));
  return Object.assign({ takenAt: now.toISOString() }, ...parts) as InventorySummary;
}
