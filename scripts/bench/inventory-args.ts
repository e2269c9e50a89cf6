// Flags of `npm run bench:inventory`. The default is the run: 100k instances, SQLite then
// a throwaway PostgreSQL, 200 API pages, the CSV export and the instances page in Chromium.
import { parseArgs } from "node:util";

export type InventoryBenchArgs = {
  rows: number;
  requests: number;
  browserRuns: number;
  skipPostgres: boolean;
  skipSqlite: boolean;
  skipBrowser: boolean;
  skipExport: boolean;
  noBuild: boolean;
  keepData: boolean;
};

export const USAGE = `Usage: npm run bench:inventory -- [--rows 100000] [--requests 200] [--browser-runs 5]
       [--skip-postgres] [--skip-sqlite] [--skip-browser] [--skip-export] [--no-build] [--keep-data]
  --no-build   serve the existing .next-bench build even when the sources are newer`;

export function parseInventoryBenchArgs(argv: string[]): InventoryBenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: "string" },
      requests: { type: "string" },
      "browser-runs": { type: "string" },
      "skip-postgres": { type: "boolean", default: false },
      "skip-sqlite": { type: "boolean", default: false },
      "skip-browser": { type: "boolean", default: false },
      "skip-export": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "keep-data": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, value: string | undefined, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}\n${USAGE}`);
    return n;
  };
  return {
    rows: int("rows", values.rows, 100_000, 1_000),
    requests: int("requests", values.requests, 200, 20),
    browserRuns: int("browser-runs", values["browser-runs"], 5, 1),
    skipPostgres: values["skip-postgres"] ?? false,
    skipSqlite: values["skip-sqlite"] ?? false,
    skipBrowser: values["skip-browser"] ?? false,
    skipExport: values["skip-export"] ?? false,
    noBuild: values["no-build"] ?? false,
    keepData: values["keep-data"] ?? false,
  };
}
