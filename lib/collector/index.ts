import "server-only";

export { collectConnection, type CollectRequest, type CollectResult, type CollectOptions } from "./collect";
export { startRunInBackground } from "./start-run";
export { startManualRun, cancelRun } from "./run-controls";
export { listRuns, getRunDetail, type RunSummary, type RunDetail, type RunScopeRow } from "./runs/read-runs";
export { runReason, type FailedScopeFacts } from "./runs/run-reason";
export { requestCancel, abortStaleRuns } from "./runs/lifecycle";
export { RUN_STATUSES, RUN_TRIGGERS, ACTIVE_STATUSES, type RunStatus, type RunTrigger } from "./runs/run-status";
export { startScheduler } from "./schedule/scheduler";
export { COLLECTOR_VERSION } from "../version";
export { retireSightings, countSeenOnlyBy, type CoverageExit, type ExitReason } from "./store/retire-sightings";
export {
  listDeletedConnectionHistory,
  purgeDeletedConnection,
  type DeletedConnectionHistory,
  type PurgeResult,
} from "./store/deleted-connections";
