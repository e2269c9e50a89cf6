import type { JobQueue } from "../../jobs";

// Who holds a job that is waiting: pg-boss keeps queued jobs in PostgreSQL (no holder), while
// the in-process driver keeps them in one process's memory, so that process is named; if it
// dies, the reaper knows the job is nobody's and queues it again.
export function jobHolder(driver: JobQueue["driver"], workerId: string): string | null {
  return driver === "in-process" ? workerId : null;
}
