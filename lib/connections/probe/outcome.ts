import type { CheckEvent, CheckStep, ConnectionTestOutcome } from "./types";

// Failed: a step everything depends on failed (MFA, identity, role chain, discovery, the Config
// aggregator), or no account could be reached. Warnings: some cells denied, throttled or
// errored, or discovery had something to report. A region that is not enabled is a fact about
// the account, not a problem: it does not lower the outcome.
const BLOCKING_STEPS = new Set<CheckStep>(["mfa", "identity", "chain", "discovery", "aggregator"]);
const FINE = new Set(["ok", "skipped", "region-not-enabled"]);

export function outcomeOf(events: CheckEvent[], reachableAccounts: number): ConnectionTestOutcome {
  const blocking = events.some((e) => BLOCKING_STEPS.has(e.step) && !FINE.has(e.status) && e.status !== "warning");
  if (blocking || reachableAccounts === 0) return "failed";
  return events.every((e) => FINE.has(e.status)) ? "passed" : "passed-with-warnings";
}
