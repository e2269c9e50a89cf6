// Runs going on in this process, so that Cancel from the web stops one at once instead of at
// its next heartbeat (runs in other processes see the request at their heartbeat).
const globalForRuns = globalThis as unknown as { cirrusActiveRuns?: Map<string, AbortController> };
const active = (globalForRuns.cirrusActiveRuns ??= new Map());

export function registerActiveRun(runId: string, controller: AbortController): () => void {
  active.set(runId, controller);
  return () => active.delete(runId);
}

export function abortActiveRun(runId: string): void {
  active.get(runId)?.abort(new Error("cancelled"));
}
