// `npm run bench:collect [-- --quick | --accounts 50 --regions 16 --instances-per-region 200
// --latency-ms 40 --scales 1,2,4 --concurrency 64]`: collects the simulator's scale world (a
// separate process, EC2's token buckets on) with the real collector (a child process per scale,
// fresh SQLite each) and compares the wall time with the world's lower bound and a naive
// sequential client; measures ingest alone (1M instances into SQLite, and 100k into SQLite and
// PostgreSQL side by side). Progress on stderr, the table and
// PASS/MISS per target on stdout. Targets are reported, never enforced (exit 0).
// `--workers 1,2,4` instead compares N worker processes on PostgreSQL (workers-bench.ts);
// `--software 20` the cost of software collection (software-bench.ts). CIRRUS_BENCH_CPU_PROFILE=<file>
// keeps the collector's whole CPU profile (.cpuprofile) beside the per-stage sums.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseBenchArgs, type BenchArgs } from "./args";
import type { CollectWorkerResult } from "./collect-worker";
import { startThrowawayPostgres } from "../throwaway-postgres.mjs";
import type { IngestResult } from "./ingest-worker";
import { lowerBound, requestCount } from "./lower-bound";
import {
  finalReport,
  INGEST_COMPARE_ROWS,
  scaleDetail,
  type Baseline,
  type IngestReport,
  type ScaleResult,
} from "./report";
import { naiveCollect } from "./sequential-baseline";
import { runJsonChild, startSimProcess } from "./sim-process";
import { runSoftwareBench } from "./software-bench";
import { runWorkersBench } from "./workers-bench";
import { buildBenchWorld, MEMBER_ROLE, shapeOf, SHARED_EXTERNAL_ID, writeWorldFile, type WorldSize } from "./world";

const log = (line: string) => process.stderr.write(`${line}\n`);
const args = parseBenchArgs(process.argv.slice(2));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-bench-"));
const notes: string[] = [];
const cores = os.availableParallelism();

async function withWorld<T>(
  name: string,
  size: WorldSize,
  run: (ctx: Awaited<ReturnType<typeof startSimProcess>> & { world: ReturnType<typeof buildBenchWorld> }) => Promise<T>,
): Promise<T> {
  const world = buildBenchWorld(size);
  const file = writeWorldFile(work, name, world.spec);
  const sim = await startSimProcess(file, args.latencyMs, path.join(work, `${name}.credentials.json`));
  try {
    return await run({ ...sim, world });
  } finally {
    await sim.stop();
  }
}

async function measureBaseline(): Promise<Baseline> {
  const size = {
    accounts: args.sampleAccounts,
    regions: args.sampleRegions,
    instancesPerRegion: args.instancesPerRegion,
  };
  log(
    `[bench] sequential baseline on ${size.accounts} accounts x ${size.regions} regions x ${size.instancesPerRegion} instances`,
  );
  return withWorld("sample", size, async (sim) => {
    const creds = JSON.parse(fs.readFileSync(sim.credentialsFile, "utf8")) as {
      users: { accessKeyId: string; secretAccessKey: string }[];
    };
    const base = { accessKeyId: creds.users[0].accessKeyId, secretAccessKey: creds.users[0].secretAccessKey };
    await sim.resetStats();
    const started = performance.now();
    await naiveCollect(sim.url, base, MEMBER_ROLE, SHARED_EXTERNAL_ID);
    const wallMs = performance.now() - started;
    const stats = await sim.stats();
    const expected = requestCount(sim.world.spec, shapeOf(sim.world.spec, sim.world.distinctExternalIds)).total;
    if (stats.throttled > 0) notes.push(`the sequential sample was throttled ${stats.throttled} times`);
    return { ...size, wallMs, requests: stats.total, expectedRequests: expected, msPerRequest: wallMs / stats.total };
  });
}

async function measureScale(scale: number, baseline: Baseline | null): Promise<ScaleResult> {
  const size = { accounts: args.accounts * scale, regions: args.regions, instancesPerRegion: args.instancesPerRegion };
  log(
    `[bench] scale ${scale}x: ${size.accounts} accounts x ${size.regions} regions x ${size.instancesPerRegion} instances, ${args.latencyMs} ms latency, concurrency ${args.concurrency}`,
  );
  return withWorld(`scale-${scale}`, size, async (sim) => {
    const shape = shapeOf(sim.world.spec, sim.world.distinctExternalIds);
    if (scale === args.scales[0]) {
      notes.push(
        `the ${shape.accounts - 1} member roles trust ${shape.distinctExternalIds} external ID(s) ("${SHARED_EXTERNAL_ID}", the connection's)`,
      );
    }
    const lower = lowerBound(sim.world.spec, shape, args.latencyMs);
    const expected = requestCount(sim.world.spec, shape);
    const dataDir = path.join(work, `data-${scale}`);
    const cpuBefore = sim.usage().cpuMs;
    const loadBefore = os.loadavg()[0];
    const worker = await runJsonChild<CollectWorkerResult>(
      "scripts/bench/collect-worker.ts",
      [sim.url, sim.credentialsFile, SHARED_EXTERNAL_ID, String(args.concurrency)],
      { DATA_DIR: dataDir, DATABASE_URL: "" },
      (line) => {
        if (!/^\[worker\]/.test(line)) log(`  ${line}`);
      },
    );
    if (sim.exited())
      notes.push(
        `scale ${scale}x: the simulator exited (${sim.exited()}) before the collection ended; those figures are not valid`,
      );
    const simUsage = sim.usage();
    const simCpuMs = simUsage.cpuMs - cpuBefore;
    const stats = await sim.stats();
    // Both processes share the machine's cores, and each uses helper threads (GC, libuv), so the
    // CPU time of both over the cores is what no schedule can beat.
    const cpuFloorMs = (worker.cpuMs + simCpuMs) / cores;
    const result: ScaleResult = {
      scale,
      accounts: size.accounts,
      regions: size.regions,
      instances: size.accounts * size.regions * size.instancesPerRegion,
      expectedRequests: expected.total,
      lower,
      worker,
      sim: stats,
      simCpuMs,
      simPeakRssMb: simUsage.peakRssMb,
      cpuFloorMs,
      workBoundMs: (expected.total * args.latencyMs) / args.concurrency,
      sequentialMs: baseline ? baseline.msPerRequest * expected.total : null,
      loadAverage: [loadBefore, os.loadavg()[0]],
    };
    log(scaleDetail(result));
    if (!args.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    return result;
  });
}

async function ingestInto(provider: "sqlite" | "postgresql", rows: number): Promise<IngestResult> {
  log(`[bench] ingest: reconcileScope of ${rows.toLocaleString("en")} instance rows into a fresh ${provider} database`);
  const dataDir = path.join(work, `data-ingest-${provider}-${rows}`);
  const postgres = provider === "postgresql" ? await startThrowawayPostgres() : null;
  try {
    return await runJsonChild<IngestResult>(
      "scripts/bench/ingest-worker.ts",
      [String(rows)],
      { DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? "" },
      log,
    );
  } finally {
    await postgres?.stop();
    if (!args.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// SQLite at the size; SQLite and PostgreSQL side by side at (up to) 100k rows, where
// PostgreSQL's ingest is compared with SQLite's.
async function measureIngest(): Promise<IngestReport> {
  const compareRows = Math.min(args.ingestRows, INGEST_COMPARE_ROWS);
  const sqlite = await ingestInto("sqlite", args.ingestRows);
  const sqliteCompare = compareRows === args.ingestRows ? sqlite : await ingestInto("sqlite", compareRows);
  const postgres = args.skipPostgres ? null : await ingestInto("postgresql", compareRows);
  return { sqlite, sqliteCompare, postgres };
}

function describe(a: BenchArgs): string {
  return `[bench] world ${a.accounts} accounts x ${a.regions} regions x ${a.instancesPerRegion} instances/region, scales ${a.scales.join(",")}, latency ${a.latencyMs} ms (+-25 %), EC2 token buckets on (simulator default), connection concurrency ${a.concurrency}, ${cores} CPU cores, work dir ${work}${a.quick ? " (quick)" : ""}`;
}

async function benchScales(): Promise<string> {
  log(describe(args));
  const baseline = args.skipBaseline ? null : await measureBaseline();
  const results: ScaleResult[] = [];
  for (const scale of args.scales) results.push(await measureScale(scale, baseline));
  const ingest = args.skipIngest ? null : await measureIngest();
  notes.push(
    `connection: Organizations discovery, member role ${MEMBER_ROLE}, all enabled regions, concurrency ${args.concurrency} (the form's maximum); the collector caps each account + region at 4 scopes and its HTTP agent at 50 sockets`,
  );
  notes.push(
    `each collection runs in its own process with a fresh SQLite DATA_DIR, so peak RSS (getrusage maxrss) and CPU are the collector's alone; the simulator runs in another process on the same ${cores} cores`,
  );
  return finalReport(results, baseline, ingest, notes);
}

process.stdout.write(
  args.software !== null
    ? await runSoftwareBench(args, work)
    : args.workers
      ? await runWorkersBench(args, work)
      : await benchScales(),
);
if (!args.keepData) fs.rmSync(work, { recursive: true, force: true });
