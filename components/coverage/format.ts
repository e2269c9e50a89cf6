import { RESOURCE_LABELS } from "@/lib/coverage/labels";
import type { CoverageGap, CoverageStatus } from "@/lib/coverage/types";

// Times in UTC like the rest of Cirrus, the same text on server and browser.
export function utc(iso: string | null | undefined): string {
  return iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "—";
}

export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "—");

// Why a scope could not be read, in a few words: "denied: rds:DescribeDBInstances (AccessDenied)".
export function gapCause(gap: { status: CoverageStatus; action: string | null; errorCode: string | null }): string {
  const code = gap.errorCode ? ` (${gap.errorCode})` : "";
  if (gap.status === "denied") return `denied: ${gap.action ?? "an action"}${code}`;
  if (gap.status === "stale") return `${gap.errorCode ?? "failed"}${gap.action ? ` on ${gap.action}` : ""}`;
  if (gap.status === "never-collected") return gap.errorCode ? `failed${code}, never read` : "not read yet";
  return gap.status;
}

// "RDS in 333333333333 eu-west-1 could not be read since 2026-12-04 18:59 UTC (denied: ...)".
export function gapSentence(gap: CoverageGap): string {
  const where = `${RESOURCE_LABELS[gap.resourceType].short} in ${gap.accountId} ${gap.region}`;
  if (gap.status === "excluded")
    return `${where} is excluded by ${gap.excludedBy ?? "an administrator"} on ${day(gap.excludedAt)}: ${gap.reason ?? ""}`;
  const since = gap.since ? ` since ${utc(gap.since)}` : "";
  const tried = gap.since ? "" : `; never read${gap.lastAttemptAt ? `, last tried ${utc(gap.lastAttemptAt)}` : ""}`;
  return `${where} could not be read${since} (${gapCause(gap)}${tried})`;
}
