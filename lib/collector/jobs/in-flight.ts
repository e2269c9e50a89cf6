import type { Claim } from "./run-job-store";

// The jobs this process is running, so that its heartbeat can keep them (and learn of cancels
// and takeovers) and Cancel from this process's web requests stops them at once.
type Running = { claim: Claim; controller: AbortController };

const global = globalThis as unknown as { cirrusJobsInFlight?: Map<string, Running> };
const inFlight = (global.cirrusJobsInFlight ??= new Map());

export function trackJob(claim: Claim, controller: AbortController): () => void {
  inFlight.set(claim.runJobId, { claim, controller });
  return () => inFlight.delete(claim.runJobId);
}

export function jobsInFlight(): Running[] {
  return [...inFlight.values()];
}

export function abortRunJobs(runId: string, reason: string): void {
  for (const { claim, controller } of inFlight.values()) if (claim.runId === runId) controller.abort(new Error(reason));
}
