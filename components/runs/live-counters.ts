import type { RunDetail } from "@/lib/collector";

// The run row's counters are written with the heartbeat (every few seconds); scope rows are
// written as each scope ends. While a run goes on, the larger of the two is the fresher figure.
export function liveCounters(run: RunDetail) {
  const count = (status: string) => run.scopes.filter((scope) => scope.status === status).length;
  const sum = (key: "items" | "requests") => run.scopes.reduce((total, scope) => total + scope[key], 0);
  return {
    status: run.status,
    scopesPlanned: Math.max(run.scopesPlanned, run.scopes.length),
    scopesDone: Math.max(run.scopesDone, count("succeeded")),
    scopesFailed: Math.max(run.scopesFailed, count("failed")),
    items: Math.max(run.items, sum("items")),
    requests: Math.max(run.requests, sum("requests")),
    throttles: run.throttles,
  };
}
