import type { ResourceType } from "../resources/rows";

// What Cirrus knows of one account x region x resource type. "collected": some connection read
// it completely in its latest attempt; the others are gaps in the figures built on it.
export const COVERAGE_STATUSES = ["collected", "stale", "denied", "never-collected", "excluded"] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];
export type GapStatus = Exclude<CoverageStatus, "collected">;

export type ScopeExclusionInfo = {
  connectionId: string;
  reason: string;
  excludedBy: string | null;
  excludedAt: string;
};

// One connection's view of a scope. `message` is AWS's text (it can quote role ARNs): admins only.
export type ConnectionScope = {
  connectionId: string;
  connectionName: string;
  status: CoverageStatus;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  errorCode: string | null;
  action: string | null;
  message: string | null;
  exclusion: ScopeExclusionInfo | null;
};

export type CoverageCell = {
  accountId: string;
  accountAlias: string | null;
  region: string;
  resourceType: ResourceType;
  status: CoverageStatus;
  // The newest successful read by any connection (null: never read).
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  errorCode: string | null;
  action: string | null;
  exclusion: ScopeExclusionInfo | null;
  connections: ConnectionScope[];
};

// The `coverage` object of API lists and exports, and what the banners show.
export type CoverageGap = {
  accountId: string;
  region: string;
  resourceType: ResourceType;
  status: GapStatus;
  // Could not be read since: the newest successful read (null: never read).
  since: string | null;
  lastAttemptAt: string | null;
  errorCode: string | null;
  action: string | null;
  reason?: string;
  excludedBy?: string | null;
  excludedAt?: string;
};

// `complete` is false only for gaps nobody chose (stale, denied, never collected); excluded
// scopes are known gaps, listed apart.
export type CoverageSummary = { complete: boolean; gaps: CoverageGap[]; excluded: CoverageGap[] };
