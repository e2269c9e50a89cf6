export { startJobRuntime, type JobRuntime } from "./runtime";
export { createInProcessQueue } from "./in-process-queue";
export { PROCESS_WORKER_ID, registerWorker, stopProcessWorker, type WorkerStats } from "./worker-registry";
export { WORKER_HEARTBEAT_MS, WORKER_STALE_MS, isWorkerAlive } from "./liveness";
export type { JobContext, JobData, JobHandler, JobQueue, JobSender, SendOptions } from "./types";
