import type { JobData, JobHandler } from "../../jobs";
import { closeRunOnce } from "./close-run";
import { COLLECT_JOBS, type CloseJobData, type RunJobData } from "./names";
import { runPlanJob } from "./plan-job";
import { runConfigJob, runRegionJob } from "./unit-jobs";

// Every collector job by name, for any process that takes jobs (web app, worker, CLI).
export const COLLECTION_HANDLERS: Record<string, JobHandler> = {
  [COLLECT_JOBS.plan]: (data, job) => runPlanJob(data as RunJobData, job),
  [COLLECT_JOBS.region]: (data, job) => runRegionJob(data as RunJobData, job),
  [COLLECT_JOBS.config]: (data, job) => runConfigJob(data as RunJobData, job),
  [COLLECT_JOBS.close]: async (data: JobData) => void (await closeRunOnce((data as CloseJobData).runId)),
};
