import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import { getDb } from "@/lib/db";
import { WORKER_STALE_MS } from "@/lib/jobs/liveness";
import { WORKERS_KEPT_DAYS } from "@/lib/workers";

// Workers and queued jobs for workers-read.test.ts, each with what the Workers page must say of it.
export const marker = crypto.randomBytes(4).toString("hex");
export const now = new Date();
export const ago = (ms: number) => new Date(now.getTime() - ms);
export const MINUTE = 60_000;

// A pid that surely ended: a child that ran and exited.
const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;

export type WorkerSeed = {
  id: string;
  host: string;
  pid: number;
  status: string;
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt?: Date;
  jobsDone: number;
  itemsDone: number;
  // What the page must say of it, decided by the liveness rules (lib/jobs/liveness.ts).
  expect: { alive: boolean; status: string; listed: boolean };
};

const elsewhere = (name: string) => `${name}-${marker}.example.internal`;
export const WORKERS: WorkerSeed[] = [
  {
    id: `live-${marker}`,
    host: elsewhere("live"),
    pid: 101,
    status: "running",
    startedAt: ago(10 * MINUTE),
    heartbeatAt: ago(2_000),
    jobsDone: 40,
    itemsDone: 1_250,
    expect: { alive: true, status: "running", listed: true },
  },
  {
    id: `draining-${marker}`,
    host: elsewhere("draining"),
    pid: 102,
    status: "draining",
    startedAt: ago(3 * MINUTE),
    heartbeatAt: ago(1_000),
    jobsDone: 6,
    itemsDone: 90,
    expect: { alive: true, status: "draining", listed: true },
  },
  {
    id: `silent-${marker}`,
    host: elsewhere("silent"),
    pid: 103,
    status: "running",
    startedAt: ago(30 * MINUTE),
    heartbeatAt: ago(WORKER_STALE_MS + 60_000),
    jobsDone: 12,
    itemsDone: 300,
    expect: { alive: false, status: "gone", listed: true },
  },
  {
    // On this host with its process gone: dead at once, however fresh its heartbeat (kill -9).
    id: `killed-${marker}`,
    host: os.hostname(),
    pid: deadPid,
    status: "running",
    startedAt: ago(20 * MINUTE),
    heartbeatAt: ago(1_000),
    jobsDone: 5,
    itemsDone: 50,
    expect: { alive: false, status: "gone", listed: true },
  },
  {
    id: `stopped-${marker}`,
    host: elsewhere("stopped"),
    pid: 104,
    status: "stopped",
    startedAt: ago(120 * MINUTE),
    heartbeatAt: ago(60 * MINUTE),
    stoppedAt: ago(60 * MINUTE),
    jobsDone: 30,
    itemsDone: 600,
    expect: { alive: false, status: "stopped", listed: true },
  },
  {
    id: `old-${marker}`,
    host: elsewhere("old"),
    pid: 105,
    status: "stopped",
    startedAt: ago((WORKERS_KEPT_DAYS + 2) * 1440 * MINUTE),
    heartbeatAt: ago((WORKERS_KEPT_DAYS + 1) * 1440 * MINUTE),
    stoppedAt: ago((WORKERS_KEPT_DAYS + 1) * 1440 * MINUTE),
    jobsDone: 1,
    itemsDone: 1,
    expect: { alive: false, status: "stopped", listed: false },
  },
];
const seeded = (id: string) => WORKERS.find((worker) => worker.id === id)!;
export const worker = (name: string) => seeded(`${name}-${marker}`);

export async function seedWorkers() {
  for (const seed of WORKERS) {
    const { id, host, pid, status, startedAt, heartbeatAt, stoppedAt, jobsDone, itemsDone } = seed;
    const data = { id, host, pid, status, startedAt, heartbeatAt, stoppedAt, jobsDone, itemsDone };
    await getDb().worker.create({ data: { ...data, kind: "worker", concurrency: 4, jobsInFlight: 1 } });
  }
}

// One open run and one closed run, each with jobs in every state.
export const JOB_STATES = ["pending", "pending", "pending", "running", "running", "done", "failed"];
export const openRunId = `open-${marker}`;
export const closedRunId = `closed-${marker}`;

export async function seedRun(id: string, status: string, closedAt: Date | null) {
  await getDb().run.create({
    data: {
      id,
      connectionId: `conn-${marker}`,
      connectionName: `Workers ${marker}`,
      trigger: "manual",
      status,
      closedAt,
      startedAt: ago(5 * MINUTE),
      collectorVersion: "test",
    },
  });
}

export async function seedQueue() {
  await seedRun(openRunId, "running", null);
  await seedRun(closedRunId, "succeeded", now);
  for (const runId of [openRunId, closedRunId]) {
    await getDb().runJob.createMany({
      data: JOB_STATES.map((status) => ({ runId, kind: "region", status, accountId: "000000000000" })),
    });
  }
}
