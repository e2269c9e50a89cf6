import { EventEmitter } from "node:events";
import type { RunStatus } from "../runs/run-status";

// In-process notices about runs, for callers in this process that wait on one (the CLI, tests,
// `collectConnection`): progress lines and the close. Processes elsewhere learn from the database.
const global = globalThis as unknown as { cirrusRunEvents?: EventEmitter };
const events = (global.cirrusRunEvents ??= new EventEmitter().setMaxListeners(0));

export function reportProgress(runId: string, line: string): void {
  events.emit(`progress:${runId}`, line);
}

export function announceClosed(runId: string, status: RunStatus): void {
  events.emit(`closed:${runId}`, status);
}

export function onProgress(runId: string, listener: (line: string) => void): () => void {
  events.on(`progress:${runId}`, listener);
  return () => events.off(`progress:${runId}`, listener);
}

export function whenClosed(runId: string): Promise<RunStatus> {
  return new Promise((resolve) => events.once(`closed:${runId}`, resolve));
}
