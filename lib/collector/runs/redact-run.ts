import type { RunDetail, RunSummary } from "./read-runs";

// The one redaction of runs for viewers, applied on the server by every reader (runs list,
// run page, run API) before a run reaches a viewer. Viewers see statuses, counts and AWS error
// codes; not messages, hints or notes: those quote role ARNs, user ARNs and policy names, which
// are connection configuration (SECURITY.md 6). Skip reasons are Cirrus's own fixed sentences.
// A run's `reason` line is built after this redaction (read-runs.ts), from the viewer's scopes.
export const REDACTED_RUN_ERROR = "The run failed; an administrator can see why.";

export function redactRunSummary<T extends RunSummary>(run: T): T {
  return { ...run, errorMessage: run.errorMessage ? REDACTED_RUN_ERROR : null };
}

// A scope as a viewer reads it: where, what and AWS's error code, without AWS's text or our hint.
export function redactScope<T extends { message: string | null; hint: string | null }>(scope: T): T {
  return { ...scope, message: null, hint: null };
}

export function redactRunDetail(run: RunDetail): RunDetail {
  return {
    ...redactRunSummary(run),
    notes: [],
    scopes: run.scopes.map(redactScope),
    // Which hosts run the collection is deployment detail, like the admin-only Workers page:
    // viewers see how many workers are on an account, not which.
    progressByAccount: run.progressByAccount.map((account) => ({ ...account, workers: [] })),
  };
}
