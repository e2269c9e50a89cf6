import { loadConnectionRecord } from "../connections/load-settings";
import { getDb } from "../db";
import { onProgress, whenClosed } from "./jobs/run-events";
import { queueRun, type CollectRequest, type RunSettings } from "./jobs/open-run";
import { privateCollectionQueue } from "./jobs/runtime";
import { PER_REGION_CONCURRENCY } from "./jobs/unit-jobs";
import type { RunStatus } from "./runs/run-status";

export type { CollectRequest } from "./jobs/open-run";
export type CollectOptions = RunSettings & {
  onProgress?: (line: string) => void;
  // Called as soon as the run row exists (or the skipped run was recorded).
  onRunOpened?: (runId: string) => void;
};
export type CollectResult = { runId: string; status: RunStatus };

// One collection of one connection, run to its end in this process (the CLI, tests, the
// benchmark): the same jobs as a worker runs (lib/collector/jobs), from a queue of its own.
// Never throws for AWS trouble: it ends as a run status with per-scope results.
export async function collectConnection(request: CollectRequest, options: CollectOptions = {}): Promise<CollectResult> {
  const { settings } = await loadConnectionRecord(request.connectionId);
  const { queue, workerId } = await privateCollectionQueue(
    Math.max(1, Math.ceil(settings.concurrency / PER_REGION_CONCURRENCY)),
  );
  try {
    const opened = await queueRun(request, queue, workerId, options);
    options.onRunOpened?.(opened.runId);
    if (!opened.queued) return { runId: opened.runId, status: "skipped" };
    const stopProgress = options.onProgress ? onProgress(opened.runId, options.onProgress) : () => {};
    try {
      return { runId: opened.runId, status: await closedStatus(opened.runId) };
    } finally {
      stopProgress();
    }
  } finally {
    await queue.stop(0);
  }
}

// The run's final status: announced by this process's close, or (should another process have
// closed it) read from the database.
async function closedStatus(runId: string): Promise<RunStatus> {
  const announced = whenClosed(runId);
  for (;;) {
    const run = await getDb().run.findUnique({ where: { id: runId }, select: { status: true, closedAt: true } });
    if (run?.closedAt) return run.status as RunStatus;
    const status = await Promise.race([
      announced,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
    ]);
    if (status) return status;
  }
}
