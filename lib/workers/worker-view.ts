// How a Worker row reads on the Workers page: pure, so the rules are unit-tested apart from the database.

export type WorkerStatus = "running" | "draining" | "stopped" | "gone";

export type WorkerFacts = {
  status: string;
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt: Date | null;
  jobsDone: number;
  itemsDone: number;
};

export type Throughput = { itemsPerMinute: number | null; jobsPerMinute: number | null };

// A row still saying running or draining whose heartbeat stopped is a dead process: its jobs
// were handed to another worker, so it reads "gone" whatever it last wrote.
export function shownStatus(status: string, alive: boolean): WorkerStatus {
  if (status === "stopped") return "stopped";
  if ((status === "running" || status === "draining") && alive) return status;
  return "gone";
}

// Rates over the worker's working life: to now while it lives, else to when it stopped or was
// last heard of. Not stored: the counters and times are, and the rate follows from them.
export function throughputOf(worker: WorkerFacts, alive: boolean, now: Date): Throughput {
  const end = alive ? now : (worker.stoppedAt ?? worker.heartbeatAt);
  const minutes = (end.getTime() - worker.startedAt.getTime()) / 60_000;
  // Under a second of life says nothing about a rate.
  if (minutes < 1 / 60) return { itemsPerMinute: null, jobsPerMinute: null };
  return { itemsPerMinute: worker.itemsDone / minutes, jobsPerMinute: worker.jobsDone / minutes };
}
