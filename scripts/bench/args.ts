// Flags of `npm run bench:collect`. The default is the world: 50 accounts x 16 regions x
// 200 instances per region (160k instances), 40 ms per call, repeated at 2x and 4x the accounts.
// --quick shrinks everything so the whole bench finishes in about a minute.
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
  keepData: boolean;
};

export const USAGE = `Usage: npm run bench:collect -- [--accounts 50] [--regions 16] [--instances-per-region 200]
       [--latency-ms 40] [--scales 1,2,4] [--concurrency 64] [--sample-accounts 2] [--sample-regions 2]
       [--ingest-rows 100000] [--quick] [--skip-baseline] [--skip-ingest] [--keep-data]`;

const QUICK = { accounts: 4, regions: 4, instancesPerRegion: 100, ingestRows: 20_000 };

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
      "keep-data": { type: "boolean", default: false },
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
  return {
    accounts: int("accounts", values.accounts, quick ? QUICK.accounts : 50, 2),
    regions: int("regions", values.regions, quick ? QUICK.regions : 16),
    instancesPerRegion: int(
      "instances-per-region",
      values["instances-per-region"],
      quick ? QUICK.instancesPerRegion : 200,
      0,
    ),
    latencyMs: int("latency-ms", values["latency-ms"], 40, 0),
    scales,
    // The connection form allows 1-64; 64 is what a large organization would choose.
    concurrency: int("concurrency", values.concurrency, 64),
    sampleAccounts: int("sample-accounts", values["sample-accounts"], 2, 2),
    sampleRegions: int("sample-regions", values["sample-regions"], 2),
    ingestRows: int("ingest-rows", values["ingest-rows"], quick ? QUICK.ingestRows : 100_000, 200),
    quick,
    skipBaseline: values["skip-baseline"] ?? false,
    skipIngest: values["skip-ingest"] ?? false,
    keepData: values["keep-data"] ?? false,
  };
}
