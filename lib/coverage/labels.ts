import { RESOURCE_LIST } from "../resources/registry";
import type { ResourceType } from "../resources/rows";
import type { CoverageStatus } from "./types";

// Short names and the figures each resource type feeds, for banners and the Coverage page.
export const RESOURCE_LABELS = Object.fromEntries(
  RESOURCE_LIST.map(({ type, labels }) => [type, { short: labels.short, figures: labels.figures }]),
) as Record<ResourceType, { short: string; figures: string }>;

export const STATUS_LABELS: Record<CoverageStatus, string> = {
  collected: "Collected",
  stale: "Stale",
  denied: "Denied",
  "never-collected": "Never collected",
  excluded: "Excluded",
};
