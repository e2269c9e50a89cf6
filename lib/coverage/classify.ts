import { DENIED_CODES } from "../aws/error-codes";
import { resource } from "../resources/registry";
import type { ResourceType } from "../resources/rows";
import type {
  ConnectionScope,
  CoverageCell,
  CoverageGap,
  CoverageStatus,
  CoverageSummary,
  ScopeExclusionInfo,
} from "./types";

// The IAM action that lists a resource type (what a denial names when AWS's text does not).
const scopeAction = (resourceType: ResourceType) => resource(resourceType).aws.read;

export type ScopeStateFacts = {
  lastSuccessAt: Date | null;
  lastAttemptAt: Date;
  stale: boolean;
  lastErrorCode: string | null;
};
export type ConnectionScopeFacts = {
  connectionId: string;
  connectionName: string;
  resourceType: ResourceType;
  state: ScopeStateFacts | null;
  // AWS's message of the scope's last failure (from that run's scope record).
  failureMessage: string | null;
  exclusion: ScopeExclusionInfo | null;
  // The connection's newest run failed before planning (credentials, discovery): nothing of it
  // is current, whatever ScopeState says.
  runFailure: { errorCode: string; at: Date } | null;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

// The IAM action a denial names: AWS's text says which ("... not authorized to perform:
// rds:DescribeDBInstances", "AWS denied sts:AssumeRole"); else the scope's own call.
export function deniedAction(message: string | null, resourceType: ResourceType): string {
  return /\b([a-z][a-z0-9-]*:[A-Z][A-Za-z0-9*]*)\b/.exec(message ?? "")?.[1] ?? scopeAction(resourceType);
}

export function connectionScope(facts: ConnectionScopeFacts): ConnectionScope {
  const base = {
    connectionId: facts.connectionId,
    connectionName: facts.connectionName,
    exclusion: facts.exclusion,
    message: null,
  };
  const state = facts.state;
  const times = { lastSuccessAt: iso(state?.lastSuccessAt ?? null), lastAttemptAt: iso(state?.lastAttemptAt ?? null) };
  if (facts.exclusion) return { ...base, ...times, status: "excluded", errorCode: null, action: null };
  if (!state) return { ...base, ...times, status: "never-collected", errorCode: null, action: null };
  if (!state.stale) {
    if (facts.runFailure && state.lastAttemptAt < facts.runFailure.at) {
      return {
        ...base,
        ...times,
        lastAttemptAt: facts.runFailure.at.toISOString(),
        status: state.lastSuccessAt ? "stale" : "never-collected",
        errorCode: facts.runFailure.errorCode,
        action: null,
      };
    }
    return {
      ...base,
      ...times,
      status: state.lastSuccessAt ? "collected" : "never-collected",
      errorCode: null,
      action: null,
    };
  }
  const code = state.lastErrorCode;
  const denied = code !== null && DENIED_CODES.has(code);
  const status: CoverageStatus = denied ? "denied" : state.lastSuccessAt ? "stale" : "never-collected";
  return {
    ...base,
    ...times,
    status,
    errorCode: code,
    action: denied ? deniedAction(facts.failureMessage, facts.resourceType) : scopeAction(facts.resourceType),
    message: facts.failureMessage,
  };
}

// Worst first among the connections that did not exclude the scope.
const GAP_ORDER: CoverageStatus[] = ["denied", "stale", "never-collected"];
const newest = (values: (string | null)[]) =>
  values
    .filter((v): v is string => v !== null)
    .sort()
    .at(-1) ?? null;

// A scope is current when ANY connection covering it read it in its latest attempt; excluded
// when every connection covering it excluded it; else the worst of the others' gaps.
export function combineCell(
  cell: Pick<CoverageCell, "accountId" | "accountAlias" | "region" | "resourceType">,
  connections: ConnectionScope[],
): CoverageCell {
  const lastSuccessAt = newest(connections.map((c) => c.lastSuccessAt));
  const lastAttemptAt = newest(connections.map((c) => c.lastAttemptAt));
  const exclusion = connections.find((c) => c.exclusion)?.exclusion ?? null;
  const open = connections.filter((c) => c.status !== "excluded");
  const common = { ...cell, lastSuccessAt, lastAttemptAt, exclusion, connections };
  if (open.some((c) => c.status === "collected"))
    return { ...common, status: "collected", errorCode: null, action: null };
  if (open.length === 0) return { ...common, status: "excluded", errorCode: null, action: null };
  const worst = [...open].sort((a, b) => GAP_ORDER.indexOf(a.status) - GAP_ORDER.indexOf(b.status))[0];
  return { ...common, status: worst.status, errorCode: worst.errorCode, action: worst.action };
}

export function toGap(cell: CoverageCell): CoverageGap {
  const gap: CoverageGap = {
    accountId: cell.accountId,
    region: cell.region,
    resourceType: cell.resourceType,
    status: cell.status as CoverageGap["status"],
    since: cell.lastSuccessAt,
    lastAttemptAt: cell.lastAttemptAt,
    errorCode: cell.errorCode,
    action: cell.action,
  };
  if (cell.status === "excluded" && cell.exclusion)
    Object.assign(gap, {
      reason: cell.exclusion.reason,
      excludedBy: cell.exclusion.excludedBy,
      excludedAt: cell.exclusion.excludedAt,
    });
  return gap;
}

export function summarise(cells: CoverageCell[]): CoverageSummary {
  const gaps = cells.filter((cell) => cell.status !== "collected" && cell.status !== "excluded").map(toGap);
  const excluded = cells.filter((cell) => cell.status === "excluded").map(toGap);
  return { complete: gaps.length === 0, gaps, excluded };
}
