import type { CheckEvent } from "./types";

// The figures a Test Connection result opens with, so an admin sees at once how much was
// checked and what needs attention before reading the checklist. Shared by the web UI and the
// command line so both count the same way.
export type CheckSummary = {
  /** Accounts the test tried to reach, and how many it reached. */
  accounts: number;
  accountsReached: number;
  /** Regions whose inventory APIs were called. */
  regions: number;
  /** Every check so far; `passed` + `notApplicable` + `running` + problems add up to it. */
  checks: number;
  passed: number;
  /** Skipped, or a region the account has not enabled: facts, not problems. */
  notApplicable: number;
  running: number;
  /** Anything denied, failed, throttled or warned about, in the order the checks started. */
  problems: CheckEvent[];
};

const NOT_APPLICABLE = new Set(["skipped", "region-not-enabled"]);

export function isProblem(event: CheckEvent): boolean {
  return event.status !== "ok" && event.status !== "running" && !NOT_APPLICABLE.has(event.status);
}

export function summarizeChecks(events: CheckEvent[]): CheckSummary {
  const accountIds = new Set(events.flatMap((event) => (event.accountId ? [event.accountId] : [])));
  const reached = events.filter((event) => event.step === "account" && event.status === "ok" && event.accountId);
  const regions = new Set(
    events.flatMap((event) =>
      event.step === "api" && event.region && event.region !== "global" ? [event.region] : [],
    ),
  );
  return {
    accounts: accountIds.size,
    accountsReached: new Set(reached.map((event) => event.accountId)).size,
    regions: regions.size,
    checks: events.length,
    passed: events.filter((event) => event.status === "ok").length,
    notApplicable: events.filter((event) => NOT_APPLICABLE.has(event.status)).length,
    running: events.filter((event) => event.status === "running").length,
    problems: events.filter(isProblem),
  };
}
