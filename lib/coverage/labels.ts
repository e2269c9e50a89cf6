import type { ResourceType } from "../resources/rows";
import type { CoverageStatus } from "./types";

// Short names and the figures each resource type feeds, for banners and the Coverage page.
export const RESOURCE_LABELS: Record<ResourceType, { short: string; figures: string }> = {
  "ec2-instance": { short: "EC2 instances", figures: "instance, vCPU and licence figures" },
  "dedicated-host": { short: "Dedicated hosts", figures: "dedicated host figures" },
  "reserved-instance": { short: "Reserved instances", figures: "reserved instance and RI coverage figures" },
  "rds-db-instance": { short: "RDS", figures: "Oracle figures" },
};

export const STATUS_LABELS: Record<CoverageStatus, string> = {
  collected: "Collected",
  stale: "Stale",
  denied: "Denied",
  "never-collected": "Never collected",
  excluded: "Excluded",
};
