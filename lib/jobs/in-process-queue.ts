import { logUnexpected } from "../log";
import { JOB_RETRY, type JobData, type JobHandler, type JobQueue, type SendOptions } from "./types";

type Entry = { name: string; data: JobData; attempt: number; priority: number };

// Jobs in this process's memory: the embedded SQLite default, and the CLI. A process that dies
// loses its queue, not the work: the run's RunJob rows say what is left, and the next process
// to start hands them on (lib/collector/jobs/reaper.ts).
export function createInProcessQueue(): JobQueue {
  const waiting: Entry[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<AbortController>();
  let handlers: Record<string, JobHandler> = {};
  let concurrency = 0;
  let workerId = "";
  let stopped = false;
  const idle: (() => void)[] = [];

  const queue: JobQueue = {
    driver: "in-process",
    async send(name: string, data: JobData, options?: SendOptions) {
      enqueue({ name, data, attempt: 1, priority: options?.priority ?? 0 }, options?.startAfterSeconds ?? 0);
    },
    async sendMany(jobs) {
      for (const job of jobs) await queue.send(job.name, job.data, job.options);
    },
    async work(map, max, id) {
      handlers = { ...handlers, ...map };
      concurrency = max;
      workerId = id;
      pump();
    },
    inFlight: () => running.size,
    carriedValues: async () => null,
    async stop(drainMs) {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting.length = 0;
      if (running.size === 0) return 0;
      const drained = await Promise.race([
        new Promise<boolean>((resolve) => idle.push(() => resolve(true))),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), drainMs).unref()),
      ]);
      if (drained) return 0;
      const aborted = running.size;
      for (const controller of running) controller.abort(new Error("worker draining"));
      await new Promise<void>((resolve) => (running.size === 0 ? resolve() : idle.push(resolve)));
      return aborted;
    },
  };

  function enqueue(entry: Entry, delaySeconds: number) {
    if (stopped) return;
    if (delaySeconds <= 0) {
      add(entry);
      return pump();
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      add(entry);
      pump();
    }, delaySeconds * 1000);
    timers.add(timer);
  }

  // Higher priority first, in order of arrival within a priority.
  function add(entry: Entry) {
    const at = waiting.findIndex((other) => other.priority < entry.priority);
    if (at === -1) waiting.push(entry);
    else waiting.splice(at, 0, entry);
  }

  function pump() {
    while (!stopped && running.size < concurrency && waiting.length) {
      const entry = waiting.shift()!;
      const handler = handlers[entry.name];
      if (!handler) {
        logUnexpected(new Error(`No handler for job ${entry.name}`));
        continue;
      }
      const controller = new AbortController();
      running.add(controller);
      handler(entry.data, {
        workerId,
        signal: controller.signal,
        queue,
        driver: "in-process",
        finalAttempt: entry.attempt > JOB_RETRY.limit,
      })
        .catch((error) => {
          if (entry.attempt > JOB_RETRY.limit) return logUnexpected(error);
          enqueue({ ...entry, attempt: entry.attempt + 1 }, JOB_RETRY.delaySeconds * 2 ** (entry.attempt - 1));
        })
        .finally(() => {
          running.delete(controller);
          if (running.size === 0) for (const resolve of idle.splice(0)) resolve();
          pump();
        });
    }
  }

  return queue;
}
