import "server-only";

export {
  listWorkers,
  WORKERS_KEPT_DAYS,
  WORKERS_SHOWN,
  type QueueDepth,
  type WorkerRow,
  type WorkersOverview,
} from "./read-workers";
export type { WorkerStatus } from "./worker-view";
