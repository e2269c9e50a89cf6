import { queueRun, type CollectRequest } from "./jobs/open-run";
import { runningCollectionRuntime, startCollectionRuntime } from "./jobs/runtime";
import { getDatabaseTarget } from "../db";
import { getEnv } from "../env";

// Queues a collection for whichever process takes jobs (this one, or workers) and answers with
// the run's id as soon as the run exists, so a page can follow its progress. Errors before that
// point (e.g. a rejected MFA code) are returned to the caller; later ones end up in the run.
export async function startRunInBackground(request: CollectRequest): Promise<string> {
  const runtime = await (runningCollectionRuntime() ?? startCollectionRuntime("app", appTakesJobs()));
  return (await queueRun(request, runtime.queue, runtime.workerId)).runId;
}

// The web app takes jobs itself unless told not to beside worker processes; embedded SQLite has
// no other process to take them, so it always does.
export function appTakesJobs(): boolean {
  return getEnv().JOBS_IN_APP === "on" || getDatabaseTarget().provider === "sqlite";
}
