// The collector's jobs (lib/jobs runs them): a run is one plan job, then one job per
// account x region (Direct) or per resource type (Config aggregator query), then its close.
export const COLLECT_JOBS = {
  plan: "collect-plan",
  region: "collect-region",
  config: "collect-config",
  close: "collect-close",
} as const;

// Closing runs first, then starting them, then their work: a run in flight finishes before the
// next one spreads out.
const PRIORITY: Record<string, number> = {
  [COLLECT_JOBS.close]: 3,
  [COLLECT_JOBS.plan]: 2,
  [COLLECT_JOBS.region]: 1,
  [COLLECT_JOBS.config]: 1,
};
export const jobPriority = (name: string) => ({ priority: PRIORITY[name] ?? 0 });

export type RunOptions = {
  scopeDeadlineMs: number;
  // When the run gives up: scopes not started by then are skipped, those in flight aborted.
  runDeadlineAt: string;
  pageSize?: number;
};

export type RunJobData = { runId: string; runJobId: string; options: RunOptions };
export type CloseJobData = { runId: string };
