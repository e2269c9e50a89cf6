import type { CheckEvent, ConnectionTestOutcome } from "../probe";
import { isProblem, summarizeChecks } from "../probe/summary";
import { nextRunAt } from "../schedule";

// `npm run connections -- test <name>`: the Test Connection checklist as terminal lines. Each
// check prints once, when it has its final status; the problems and a summary (counted as the
// web UI counts them) close the output, where a terminal leaves the eye.

export const EXIT_CODE: Record<ConnectionTestOutcome, number> = { passed: 0, "passed-with-warnings": 2, failed: 1 };

const OUTCOME_WORDS: Record<ConnectionTestOutcome, string> = {
  passed: "Passed",
  "passed-with-warnings": "Passed with warnings",
  failed: "Failed",
};

// Statuses in words (item 6 of issue 12: never raw codes); problems in capitals to stand out.
function statusWord(event: CheckEvent): string {
  const words = event.status === "region-not-enabled" ? "not enabled" : event.status.replace(/-/g, " ");
  return isProblem(event) ? words.toUpperCase() : words;
}

function scopeOf(event: CheckEvent): string {
  return [event.accountId, event.region && event.region !== "global" ? event.region : undefined]
    .filter(Boolean)
    .join(" ");
}

function what(event: CheckEvent): string {
  const action = event.action && !event.label.includes(event.action) ? ` (${event.action})` : "";
  return `${event.label}${action}`;
}

export function checkLine(event: CheckEvent): string {
  const message = event.message ? `: ${event.message}` : "";
  return `${statusWord(event).padEnd(20)} ${scopeOf(event).padEnd(24)} ${what(event)}${message}`.replace(/ +$/, "");
}

export function problemLines(event: CheckEvent): string[] {
  const code = event.errorCode ? ` (${event.errorCode})` : "";
  const scope = scopeOf(event);
  return [
    `  ${scope ? `${scope}  ` : ""}${what(event)}: ${statusWord(event).toLowerCase()}${code}`,
    ...(event.message ? [`    ${event.message}`] : []),
    ...(event.hint ? [`    Fix: ${event.hint}`] : []),
  ];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function summaryLines(outcome: ConnectionTestOutcome, events: CheckEvent[]): string[] {
  const summary = summarizeChecks(events);
  const reached = summary.accountsReached === summary.accounts ? "" : ` (${summary.accountsReached} reached)`;
  const notApplicable = summary.notApplicable ? `, ${summary.notApplicable} not applicable` : "";
  const problems = summary.problems.length
    ? ["", `Problems (${summary.problems.length}), first to fix:`, ...summary.problems.flatMap(problemLines)]
    : [];
  return [
    ...problems,
    "",
    `${OUTCOME_WORDS[outcome]}: ${plural(summary.accounts, "account")}${reached}, ${plural(summary.regions, "region")}, ` +
      `${summary.passed} of ${plural(summary.checks, "check")} passed${notApplicable}, ${plural(summary.problems.length, "problem")}.`,
  ];
}

export type ScheduleFacts = {
  schedule: string | null;
  enabled: boolean;
  schedulable: boolean;
  attention: string | null;
};

// What the recorded test means for scheduled runs (a pass, with or without warnings, starts them).
export function scheduleLine(facts: ScheduleFacts, now = new Date()): string {
  if (!facts.schedule) return "Schedule: off (runs start by hand only)";
  if (!facts.enabled) return `Schedule: paused (${facts.schedule}); resume it on the connection's page`;
  if (!facts.schedulable)
    return `Schedule: not active (${facts.schedule}): ${facts.attention ?? "waiting for a passing test"}`;
  const next = nextRunAt(facts.schedule, now);
  return `Schedule: active (${facts.schedule} UTC)${next ? `, next run ${next.toISOString().replace(/\.\d{3}Z$/, "Z")}` : ""}`;
}
