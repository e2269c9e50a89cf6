// The job contract every driver implements (lib/jobs/README in docs/scale-out.md): handlers are
// written once and run the same under pg-boss (PostgreSQL, any number of worker processes) and
// the in-process driver (embedded SQLite, or one process running one collection).

export type JobData = Record<string, unknown>;

export type JobContext = {
  // The process taking the job (a Worker row), for ownership records.
  workerId: string;
  // Aborted when the process drains (SIGTERM past its deadline): hand the job back and return.
  signal: AbortSignal;
  // Jobs may fan out into further jobs.
  queue: JobSender;
  driver: JobQueue["driver"];
  // No retry follows if this attempt throws: the handler should record a final outcome instead.
  finalAttempt: boolean;
};

export type JobHandler<D extends JobData = JobData> = (data: D, context: JobContext) => Promise<void>;

// Only errors the handler throws are retried (with backoff, a few times): a handler that
// reached an outcome (even a failed AWS scope) records it and returns normally.
// priority: higher first (e.g. a run's close before more runs' work).
export type SendOptions = { startAfterSeconds?: number; priority?: number };
export type JobRequest = { name: string; data: JobData; options?: SendOptions };

export interface JobSender {
  send(name: string, data: JobData, options?: SendOptions): Promise<void>;
  // Many at once (one statement on PostgreSQL): a run's plan queues all its jobs this way.
  sendMany(jobs: JobRequest[]): Promise<void>;
}

export interface JobQueue extends JobSender {
  readonly driver: "pg-boss" | "in-process";
  // Starts taking jobs of these names, at most `concurrency` at once in this process.
  work(handlers: Record<string, JobHandler>, concurrency: number, workerId: string): Promise<void>;
  // Jobs in flight in this process.
  inFlight(): number;
  // The values of data[field] across the jobs a shared queue still carries: waiting, or taken
  // by a worker within the last activeWithinMs (a job taken longer ago by a worker that died
  // stays taken until its expiry). null from a queue in one process's memory: its jobs are
  // known by the process holding them instead (RunJob.workerId).
  carriedValues(field: string, activeWithinMs: number): Promise<Set<string> | null>;
  // Stops taking jobs; waits up to drainMs for those in flight, then aborts their signals and
  // waits for them to hand back. Returns how many had to be aborted.
  stop(drainMs: number): Promise<number>;
}

export const JOB_RETRY = { limit: 3, delaySeconds: 2 } as const;
