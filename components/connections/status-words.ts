import type { ConnectionSummary } from "@/lib/connections";

// Test outcomes and schedule states as the pages say them (the stored codes are for the API).
export const TEST_OUTCOME_WORDS: Record<string, string> = {
  passed: "Passed",
  "passed-with-warnings": "Passed with warnings",
  failed: "Failed",
};

export const testOutcomeWords = (outcome: string) => TEST_OUTCOME_WORDS[outcome] ?? outcome.replaceAll("-", " ");

export const testOutcomeTone = (outcome: string) =>
  outcome === "passed" ? "green" : outcome === "failed" ? "red" : "amber";

// "2026-12-06 04:00 UTC": the schedule is in UTC, so times beside it are too.
export function utcTime(iso: string, withSeconds = false): string {
  return `${iso.replace("T", " ").slice(0, withSeconds ? 19 : 16)} UTC`;
}

type ScheduleFacts = Pick<ConnectionSummary, "schedule" | "scheduleState" | "nextRunAt" | "attention">;

// One sentence that agrees with the Pause/Resume button and the attention banner.
export function scheduleSentence({ schedule, scheduleState, nextRunAt, attention }: ScheduleFacts): string {
  switch (scheduleState) {
    case "active":
      return `Scheduled: ${schedule} (UTC)${nextRunAt ? `, next run ${utcTime(nextRunAt)}` : ""}`;
    case "paused":
      return `Schedule paused (${schedule}, UTC): runs start only with Run now`;
    case "waiting":
      return `Schedule ${schedule} (UTC) on hold until ${attention?.startsWith("MFA") ? "an MFA code is entered" : "Test connection passes"}`;
    default:
      return "No schedule: runs start only with Run now";
  }
}
