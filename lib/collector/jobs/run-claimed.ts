import { getDb } from "../../db";
import type { JobContext } from "../../jobs";
import { trackJob } from "./in-flight";
import { jobPriority, type RunJobData } from "./names";
import { closeIfDone } from "./close-run";
import { failJobForGood } from "./job-failure";
import {
  claimRunJob,
  finishRunJob,
  FencedOutError,
  handBackRunJob,
  type Claim,
  type ClaimLimits,
} from "./run-job-store";

export type ClaimedWork = {
  claim: Claim;
  // Aborted by Cancel, the run's deadline, a takeover, or this worker draining.
  signal: AbortSignal;
  handingBack: () => boolean;
  cancelled: boolean;
};

const RETRY_BUSY_SECONDS = 2;

// The life of one job of a run, whatever its kind: claim it (or wait for a free slot), run it
// with signals for cancel / deadline / drain, then record the outcome with the fence and close
// the run if it was the last. Draining hands the job back to the queue; a lost fence writes
// nothing; any other error hands it back and lets the queue retry it with backoff.
export async function runClaimed(
  name: string,
  data: RunJobData,
  job: JobContext,
  limits: ClaimLimits | undefined,
  work: (claimed: ClaimedWork) => Promise<{ items: number }>,
): Promise<void> {
  const claim = await claimRunJob(data.runJobId, job.workerId, limits);
  if (claim === "gone") return;
  if (claim === "busy")
    return job.queue.send(name, data, { startAfterSeconds: RETRY_BUSY_SECONDS, ...jobPriority(name) });

  const controller = new AbortController();
  const untrack = trackJob(claim, controller);
  const run = await getDb().run.findUnique({ where: { id: claim.runId }, select: { cancelRequested: true } });
  if (run?.cancelRequested) controller.abort(new Error("cancelled"));
  const deadline = setTimeout(
    () => controller.abort(new Error("run deadline")),
    Math.max(0, new Date(data.options.runDeadlineAt).getTime() - Date.now()),
  );
  const onDrain = () => controller.abort(new Error("worker draining"));
  job.signal.addEventListener("abort", onDrain, { once: true });
  const handingBack = () => job.signal.aborted;
  try {
    const { items } = await work({ claim, signal: controller.signal, handingBack, cancelled: !!run?.cancelRequested });
    if (handingBack()) {
      await handBackRunJob(claim, "worker draining");
      await job.queue.send(name, data, jobPriority(name)).catch(() => {});
      return;
    }
    await finishRunJob(claim, "done", { items });
    await closeIfDone(claim.runId, job.queue);
  } catch (error) {
    if (error instanceof FencedOutError) return;
    if (job.finalAttempt && !handingBack()) {
      await failJobForGood(claim, error);
      return closeIfDone(claim.runId, job.queue);
    }
    await handBackRunJob(claim, error instanceof Error ? error.message : String(error));
    if (handingBack()) return void (await job.queue.send(name, data, jobPriority(name)).catch(() => {}));
    throw error;
  } finally {
    clearTimeout(deadline);
    job.signal.removeEventListener("abort", onDrain);
    untrack();
  }
}
