import { logUnexpected } from "../../log";
import { queueRun } from "../jobs/open-run";
import type { CollectionRuntime } from "../jobs/runtime";
import { recordSkippedRun } from "../runs/lifecycle";
import { dueConnections } from "./due-connections";

const TICK_MS = 20_000;
const globalForScheduler = globalThis as unknown as { cirrusScheduler?: NodeJS.Timeout };

// Every tick, queue the runs that are due. Any number of app instances may schedule: each run
// records the due time it is for, unique per connection, so the first instance to record it
// queues the run and the others' identical insert is refused (nothing else happens for them).
export async function startScheduler(runtime: CollectionRuntime): Promise<void> {
  if (globalForScheduler.cirrusScheduler) return;
  const run = () => void scheduleDueRuns(runtime).catch(logUnexpected);
  globalForScheduler.cirrusScheduler = setInterval(run, TICK_MS);
  globalForScheduler.cirrusScheduler.unref();
  run();
}

export async function scheduleDueRuns(runtime: Pick<CollectionRuntime, "queue" | "workerId">): Promise<number> {
  let queued = 0;
  for (const connection of await dueConnections()) {
    const start = { connectionId: connection.id, connectionName: connection.name, trigger: "schedule" as const };
    try {
      if (connection.reason) await recordSkippedRun({ ...start, scheduledFor: connection.dueAt }, connection.reason);
      else if ((await queueRun(start, runtime.queue, runtime.workerId, {}, connection.dueAt)).queued) queued++;
    } catch (error) {
      if (!isDuplicateDueTime(error)) logUnexpected(error);
    }
  }
  return queued;
}

// Another instance recorded this due time first.
function isDuplicateDueTime(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
