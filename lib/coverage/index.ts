import "server-only";

// lib/coverage: which account x region x resource type each figure rests on, read or not
// (collected, stale, denied, never collected, excluded by an admin), across connections.
export { getCoverage, getCoverageGaps, type CoverageOptions, type GapFilter } from "./read-coverage";
export { excludeScope, includeScope, excludedScopeKeys, isExcluded } from "./exclusions";
export { excludeScopeSchema, scopeRefSchema, type ExcludeScopeInput, type ScopeRef } from "./schemas";
export { RESOURCE_LABELS, STATUS_LABELS } from "./labels";
export {
  COVERAGE_STATUSES,
  type CoverageCell,
  type CoverageGap,
  type CoverageStatus,
  type CoverageSummary,
  type ConnectionScope,
  type GapStatus,
  type ScopeExclusionInfo,
} from "./types";
