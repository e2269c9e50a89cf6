// Flags of `npm run bench:collect`. The default is the world: 50 accounts x 16 regions x
// 200 instances per region (160k instances), 40 ms per call, repeated at 2x and 4x the accounts.
// --quick shrinks everything so the whole bench finishes in about a minute. --workers 1,2,4
// switches to the scale-out bench (workers-bench.ts): PostgreSQL, N `npm run worker` processes
// per column, a smaller world by default (WORKERS_WORLD) sized for a run of ~20 s or more at N=1.
import { parseArgs } from "node:util";

export type BenchArgs = {
  accounts: number;
  regions: number;
  instancesPerRegion: number;
  latencyMs: number;
  scales: number[];
  concurrency: number;
  sampleAccounts: number;
  sampleRegions: number;
  ingestRows: number;
  quick: boolean;
  skipBaseline: boolean;
  skipIngest: boolean;
  // The ingest comparison with PostgreSQL (a throwaway server): skipped with --skip-postgres.
  skipPostgres: boolean;
  keepData: boolean;
  /** Worker counts to compare (PostgreSQL); null for the single-process bench. */
  workers: number[] | null;
  /** WORKER_CONCURRENCY of each worker process (jobs at once). */
  workerConcurrency: number;
  /** Applications per managed node for the software bench (software-bench.ts); null otherwise. */
  software: number | null;
};

export const USAGE = `Usage: npm run bench:collect -- [--accounts 50] [--regions 16] [--instances-per-region 200]
       [--latency-ms 40] [--scales 1,2,4] [--concurrency 64] [--sample-accounts 2] [--sample-regions 2]
       [--ingest-rows 1000000] [--quick] [--skip-baseline] [--skip-ingest] [--skip-postgres] [--keep-data]
       npm run bench:collect -- --workers 1,2,4 [--worker-concurrency 4] [--accounts 20] [--regions 4]
       [--instances-per-region 400] [--latency-ms 40] [--concurrency 64] [--quick] [--keep-data]
       npm run bench:collect -- --software 20 [--accounts 10] [--regions 4] [--instances-per-region 200]
  --workers: one column per N, each a fresh throwaway PostgreSQL with N \`npm run worker\` processes
  collecting one queued run; prints wall time, requests/s, CPU per worker, CPU per 1,000 instances
  (its ratio to the first column, PASS within 1.25x), PostgreSQL CPU, core count and correctness.
  --software N: the same world collected with software collection off, then on with N applications
  on every managed node; wall time on against off (PASS within 1.5x), requests, CPU and rows stored.`;

const QUICK = { accounts: 4, regions: 4, instancesPerRegion: 100, ingestRows: 20_000 };
// The scale-out bench's world: the 20 accounts x 4 regions, enough instances that N=1
// collects for ~20 s or more at 40 ms per call; --quick is about a quarter of it.
export const WORKERS_WORLD = { accounts: 20, regions: 4, instancesPerRegion: 400 };
const WORKERS_QUICK = { accounts: 8, regions: 4, instancesPerRegion: 250 };
// The software bench's world: 8,000 instances, so 160,000 installed-software rows at 20 per node.
export const SOFTWARE_WORLD = { accounts: 10, regions: 4, instancesPerRegion: 200 };
const SOFTWARE_QUICK = { accounts: 4, regions: 2, instancesPerRegion: 100 };

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      accounts: { type: "string" },
      regions: { type: "string" },
      "instances-per-region": { type: "string" },
      "latency-ms": { type: "string" },
      scales: { type: "string" },
      concurrency: { type: "string" },
      "sample-accounts": { type: "string" },
      "sample-regions": { type: "string" },
      "ingest-rows": { type: "string" },
      quick: { type: "boolean", default: false },
      "skip-baseline": { type: "boolean", default: false },
      "skip-ingest": { type: "boolean", default: false },
      "skip-postgres": { type: "boolean", default: false },
      "keep-data": { type: "boolean", default: false },
      workers: { type: "string" },
      "worker-concurrency": { type: "string" },
      software: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const int = (name: string, value: string | undefined, fallback: number, min = 1): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}\n${USAGE}`);
    return n;
  };
  const scales = (values.scales ?? "1,2,4").split(",").map((s) => int("scales", s.trim(), 1));
  const workers = values.workers?.split(",").map((n) => int("workers", n.trim(), 1)) ?? null;
  const software = values.software === undefined ? null : int("software", values.software, 20);
  const world =
    software !== null
      ? quick
        ? SOFTWARE_QUICK
        : SOFTWARE_WORLD
      : workers
        ? quick
          ? WORKERS_QUICK
          : WORKERS_WORLD
        : quick
          ? QUICK
          : { accounts: 50, regions: 16, instancesPerRegion: 200 };
  return {
    accounts: int("accounts", values.accounts, world.accounts, 2),
    regions: int("regions", values.regions, world.regions),
    instancesPerRegion: int("instances-per-region", values["instances-per-region"], world.instancesPerRegion, 0),
    latencyMs: int("latency-ms", values["latency-ms"], 40, 0),
    scales,
    // The connection form allows 1-64; 64 is what a large organization would choose.
    concurrency: int("concurrency", values.concurrency, 64),
    sampleAccounts: int("sample-accounts", values["sample-accounts"], 2, 2),
    sampleRegions: int("sample-regions", values["sample-regions"], 2),
    // Issue 15: ingest of 1,000,000 instances (and its unchanged re-run) into SQLite.
    ingestRows: int("ingest-rows", values["ingest-rows"], quick ? QUICK.ingestRows : 1_000_000, 200),
    quick,
    skipBaseline: values["skip-baseline"] ?? false,
    skipIngest: values["skip-ingest"] ?? false,
    skipPostgres: values["skip-postgres"] ?? false,
    keepData: values["keep-data"] ?? false,
    workers,
    // lib/env.ts's default: what `npm run worker` runs with unless told otherwise.
    workerConcurrency: int("worker-concurrency", values["worker-concurrency"], 4),
    software,
  };
}
