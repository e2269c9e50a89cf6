// `npm run bench:collect -- --workers 1,2,4`: the scale-out bench. For each N, a fresh throwaway
// PostgreSQL and simulator, N `npm run worker` processes and an app that only queues; one run is
// queued and the CPU of every process is read from /proc just before the queueing and the
// moment the run closes, so startup (tsx, Prisma, pg-boss) is not counted.
import { type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startThrowawayPostgres } from "../throwaway-postgres.mjs";
import type { BenchArgs } from "./args";
import { findPostmaster, treeCpuMs } from "./process-tree";
import { runJsonChild, startSimProcess, tsxProcess, type SimStats } from "./sim-process";
import { workersReport } from "./workers-report";
import type { WorkersQueueResult, StoredCounts } from "./workers-queue";
import type { WorkersSetupResult } from "./workers-setup";
import { buildBenchWorld, SHARED_EXTERNAL_ID, writeWorldFile } from "./world";

export type WorkersColumn = {
  workers: number;
  /** Worker ids (Worker rows) in start order, and each one's CPU ms during the run. */
  workerIds: string[];
  workerCpuMs: number[];
  postgresCpuMs: number;
  simCpuMs: number;
  queueAppCpuMs: number;
  sim: SimStats;
  expected: StoredCounts;
  result: WorkersQueueResult;
};

const STARTUP_TIMEOUT_MS = 180_000;
const log = (line: string) => process.stderr.write(`${line}\n`);

// What the world holds, summed from its spec (the simulator generates exactly these counts).
function expectedRows(spec: ReturnType<typeof buildBenchWorld>["spec"]): StoredCounts {
  const counts = { instances: 0, hosts: 0, reservedInstances: 0, dbInstances: 0 };
  for (const account of spec.accounts)
    for (const region of account.regions) {
      counts.instances += region.generate?.instances ?? 0;
      counts.hosts += region.generate?.hosts ?? 0;
      counts.reservedInstances += region.generate?.reservedInstances ?? 0;
      counts.dbInstances += region.generate?.dbInstances ?? 0;
    }
  return counts;
}

// Resolves with the first stderr line matching `pattern` (its match), rejects if the child
// exits first; every stderr line is also appended to the child's log file.
function waitForLine(child: ChildProcess, pattern: RegExp, logFile: string, what: string): Promise<RegExpExecArray> {
  const sink = fs.createWriteStream(logFile, { flags: "a" });
  let buffered = "";
  let tail = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start within ${STARTUP_TIMEOUT_MS / 1000} s`)),
      STARTUP_TIMEOUT_MS,
    );
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      sink.write(text);
      tail = (tail + text).slice(-4000);
      buffered += text;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const match = pattern.exec(line);
        if (!match) continue;
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} (log ${logFile}):\n${tail}`));
    });
  });
}

function stopChild(child: ChildProcess, graceMs = 40_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function measureWorkers(args: BenchArgs, work: string, n: number): Promise<WorkersColumn> {
  const size = { accounts: args.accounts, regions: args.regions, instancesPerRegion: args.instancesPerRegion };
  const world = buildBenchWorld(size);
  const name = `workers-${n}`;
  const sim = await startSimProcess(
    writeWorldFile(work, name, world.spec),
    args.latencyMs,
    path.join(work, `${name}.credentials.json`),
  );
  const postgres = await startThrowawayPostgres();
  const children: ChildProcess[] = [];
  try {
    const postmaster = findPostmaster(postgres.port);
    const env = {
      DATABASE_URL: postgres.url,
      DATA_DIR: path.join(work, `data-${n}`),
      CIRRUS_MASTER_KEY: `1:${crypto.randomBytes(32).toString("base64")}`,
      WORKER_CONCURRENCY: String(args.workerConcurrency),
    };
    log(`[bench] N=${n}: PostgreSQL on port ${postgres.port} (${postgres.source}); migrating, creating the connection`);
    const setup = await runJsonChild<WorkersSetupResult>(
      "scripts/bench/workers-setup.ts",
      [sim.url, sim.credentialsFile, SHARED_EXTERNAL_ID, String(args.concurrency)],
      env,
      (line) => log(`  ${line}`),
    );
    const workers = Array.from({ length: n }, () => tsxProcess("scripts/worker.ts", [], env));
    children.push(...workers);
    const workerIds = (
      await Promise.all(
        workers.map((child, i) =>
          waitForLine(
            child,
            /^\[worker\] (\S+) taking collection jobs/,
            path.join(work, `${name}.worker-${i + 1}.log`),
            `worker ${i + 1}`,
          ),
        ),
      )
    ).map((match) => match[1]);
    const app = tsxProcess("scripts/bench/workers-queue.ts", [setup.connectionId], env, "pipe");
    children.push(app);
    let out = "";
    app.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const appLog = path.join(work, `${name}.queue.log`);
    await waitForLine(app, /^\[queue\] ready/, appLog, "the queueing app");
    const closed = waitForLine(app, /^\[queue\] closed/, appLog, "the queueing app");
    const exited = new Promise<number | null>((resolve) => app.once("exit", resolve));
    log(`[bench] N=${n}: ${workerIds.length} worker(s) ready; queueing the run`);

    await sim.resetStats();
    const cpu = () => ({
      workers: workers.map((child) => treeCpuMs(child.pid!)),
      postgres: postmaster ? treeCpuMs(postmaster) : NaN,
      sim: sim.usage().cpuMs,
      app: treeCpuMs(app.pid!),
    });
    const before = cpu();
    app.stdin!.write("go\n");
    await closed;
    const after = cpu();
    const code = await exited;
    const last = out.trim().split("\n").filter(Boolean).pop();
    if (code !== 0 || !last) throw new Error(`the queueing app exited with ${code} (log ${appLog})`);
    const result = JSON.parse(last) as WorkersQueueResult;
    log(`[bench] N=${n}: run ${result.status} in ${(result.wallMs / 1000).toFixed(1)} s`);
    return {
      workers: n,
      workerIds,
      workerCpuMs: after.workers.map((ms, i) => ms - before.workers[i]),
      postgresCpuMs: after.postgres - before.postgres,
      simCpuMs: after.sim - before.sim,
      queueAppCpuMs: after.app - before.app,
      sim: await sim.stats(),
      expected: expectedRows(world.spec),
      result,
    };
  } finally {
    await Promise.all(children.map((child) => stopChild(child)));
    await sim.stop();
    postgres.stop();
  }
}

export async function runWorkersBench(args: BenchArgs, work: string): Promise<string> {
  const counts = args.workers ?? [];
  const cores = os.availableParallelism();
  log(
    `[bench] scale-out: ${args.accounts} accounts x ${args.regions} regions x ${args.instancesPerRegion} instances/region, workers ${counts.join(",")} (WORKER_CONCURRENCY ${args.workerConcurrency} each), latency ${args.latencyMs} ms, connection concurrency ${args.concurrency}, ${cores} CPU cores, work dir ${work}${args.quick ? " (quick)" : ""}`,
  );
  const columns: WorkersColumn[] = [];
  for (const n of counts) columns.push(await measureWorkers(args, work, n));
  return workersReport(columns, args, cores);
}
