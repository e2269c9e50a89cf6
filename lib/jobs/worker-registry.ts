import crypto from "node:crypto";
import os from "node:os";
import { getDb } from "../db";
import { logUnexpected } from "../log";
import { WORKER_HEARTBEAT_MS } from "./liveness";

export type WorkerKind = "worker" | "app" | "cli";

// This process's identity as a taker of jobs (one per process, whatever queues it runs).
export const PROCESS_WORKER_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

export type WorkerStats = { jobsDone: number; jobsHandedBack: number; itemsDone: number };
type Source = { inFlight: () => number; beat: () => Promise<void> };

type Registration = {
  stats: WorkerStats;
  sources: Set<Source>;
  setStatus: (status: string) => Promise<void>;
  stop: () => Promise<void>;
};

const global = globalThis as unknown as { cirrusWorker?: Promise<Registration> };

// Records the process in the Worker table (once, however many queues it runs) and keeps its
// heartbeat; each source's `beat` runs on every heartbeat too (the collector keeps its jobs'
// and runs' heartbeats there). A failed heartbeat is logged, never swallowed: missing
// heartbeats are how the other processes learn that this one died.
export function registerWorker(kind: WorkerKind, concurrency: number, source: Source): Promise<Registration> {
  const registration = (global.cirrusWorker ??= register(kind, concurrency));
  return registration.then((registered) => {
    registered.sources.add(source);
    return registered;
  });
}

async function register(kind: WorkerKind, concurrency: number): Promise<Registration> {
  const stats: WorkerStats = { jobsDone: 0, jobsHandedBack: 0, itemsDone: 0 };
  const sources = new Set<Source>();
  const now = new Date();
  await getDb().worker.upsert({
    where: { id: PROCESS_WORKER_ID },
    create: {
      id: PROCESS_WORKER_ID,
      kind,
      host: os.hostname(),
      pid: process.pid,
      concurrency,
      status: "running",
      startedAt: now,
      heartbeatAt: now,
    },
    update: { status: "running", heartbeatAt: now, stoppedAt: null },
  });
  const inFlight = () => [...sources].reduce((sum, source) => sum + source.inFlight(), 0);
  const timer = setInterval(() => {
    const record = getDb().worker.update({
      where: { id: PROCESS_WORKER_ID },
      data: { heartbeatAt: new Date(), jobsInFlight: inFlight(), ...stats },
    });
    Promise.all([record, ...[...sources].map((source) => source.beat())]).catch(logUnexpected);
  }, WORKER_HEARTBEAT_MS);
  timer.unref();
  return {
    stats,
    sources,
    setStatus: async (status) => {
      await getDb().worker.update({ where: { id: PROCESS_WORKER_ID }, data: { status } });
    },
    stop: async () => {
      clearInterval(timer);
      global.cirrusWorker = undefined;
      await getDb().worker.update({
        where: { id: PROCESS_WORKER_ID },
        data: { status: "stopped", stoppedAt: new Date(), heartbeatAt: new Date(), jobsInFlight: 0, ...stats },
      });
    },
  };
}

// A command that ran jobs in-process (the CLI) says it stopped, rather than turning "gone".
export async function stopProcessWorker(): Promise<void> {
  const registration = global.cirrusWorker;
  if (registration) await (await registration).stop();
}
