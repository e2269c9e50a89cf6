import type { RunDetail, RunSummary } from "./read-runs";

// The one redaction of runs for viewers, applied on the server by every reader (runs list,
// run page, run API) before a run reaches a viewer. Viewers see statuses, counts and AWS error
// codes; not messages, hints or notes: those quote role ARNs, user ARNs and policy names, which
// are connection configuration (SECURITY.md 6). Skip reasons are Cirrus's own fixed sentences.
export const REDACTED_RUN_ERROR = "The run failed; an administrator can see why.";

export function redactRunSummary<T extends RunSummary>(run: T): T {
  return { ...run, errorMessage: run.errorMessage ? REDACTED_RUN_ERROR : null };
}

export function redactRunDetail(run: RunDetail): RunDetail {
  return {
    ...redactRunSummary(run),
    notes: [],
    scopes: run.scopes.map((scope) => ({ ...scope, message: null, hint: null })),
  };
}
