// `npm run bench:inventory [-- --rows 100000 --requests 200 --skip-postgres --skip-browser]`:
// 100k instances stored through the collector's own reconcile into SQLite, then into a throwaway
// PostgreSQL; against each, the production build (.next-bench) serves filtered, sorted pages
// through the API (p50/p95 per query shape), the CSV export (time, rows, the server's RSS) and
// the instances page in Chromium (time to the first rows), plus the Overview page's load. The
// page's two queries (rows, total) are also timed apart without HTTP. Progress on stderr, the
// tables and PASS/MISS per target on stdout. Targets are reported, never enforced (exit 0).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "../ensure-test-tools.mjs";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../throwaway-postgres.mjs";
import { parseInventoryBenchArgs } from "./inventory-args";
import { measureBrowser } from "./inventory-browser";
import type { DbWorkerResult } from "./inventory-db-worker";
import type { FillResult } from "./inventory-fill";
import { EXPORT_FORMATS, measureExport, measureItems, measureLatency, probeApis } from "./inventory-http";
import { finalReport, type DatabaseRun } from "./inventory-report";
import { DIST_DIR, ensureBuild, startBenchServer } from "./inventory-server";
import { SHAPES } from "./inventory-shapes";
import { runJsonChild } from "./sim-process";

const log = (line: string) => process.stderr.write(`${line}\n`);
const args = parseInventoryBenchArgs(process.argv.slice(2));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-bench-inventory-"));
const notes: string[] = [];
const childLog = (line: string) => {
  if (!/^\[(db|worker)\]/.test(line)) log(`  ${line}`);
};

async function benchDatabase(provider: "sqlite" | "postgresql"): Promise<DatabaseRun> {
  const run: DatabaseRun = {
    provider,
    fill: null,
    serverStartMs: null,
    db: null,
    latency: [],
    items: null,
    exports: [],
    browser: null,
    error: null,
  };
  const dataDir = path.join(work, provider);
  let postgres: ThrowawayPostgres | null = null;
  try {
    if (provider === "postgresql") {
      log("[bench] postgresql: starting a throwaway cluster");
      postgres = await startThrowawayPostgres();
    }
    const env = { DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? "" };
    log(
      `[bench] ${provider}: migrating and storing ${args.rows.toLocaleString("en")} instances through reconcileScope (100 account x region scopes)`,
    );
    run.fill = await runJsonChild<FillResult>("scripts/bench/inventory-fill.ts", [String(args.rows)], env, childLog);
    log(
      `[bench] ${provider}: stored ${run.fill.instances.toLocaleString("en")} current + ${run.fill.removed.toLocaleString("en")} removed instances, ${run.fill.hosts} hosts, ${run.fill.reservedInstances} RIs, ${run.fill.dbInstances} DB instances in ${(run.fill.fillMs / 1000).toFixed(1)} s`,
    );
    log(`[bench] ${provider}: timing the offset page's queries (rows, total) per shape without HTTP`);
    run.db = await runJsonChild<DbWorkerResult>("scripts/bench/inventory-db-worker.ts", [], env, childLog);

    const server = await startBenchServer(
      { dataDir, databaseUrl: env.DATABASE_URL },
      path.join(work, `${provider}-server.log`),
    );
    run.serverStartMs = server.startMs;
    try {
      log(
        `[bench] ${provider}: next start (${DIST_DIR}) answered in ${(server.startMs / 1000).toFixed(1)} s on ${server.url}, server pid ${server.pid}`,
      );
      const apis = await probeApis(server, run.fill.token);
      if (!apis.includes("v1"))
        notes.push(`${provider}: /api/v1/instances did not answer; the UI's page API was measured instead`);
      for (const api of apis) {
        const { requests } = args;
        log(
          `[bench] ${provider}: ${requests} page requests through ${api === "v1" ? "/api/v1/instances" : "/api/inventory/instances"}`,
        );
        run.latency.push(await measureLatency(server, run.fill.token, api, requests, log));
      }
      run.items = await measureItems(server, run.fill.token, 10);
      if (!args.skipExport) {
        for (const format of EXPORT_FORMATS) {
          log(`[bench] ${provider}: ${format.toUpperCase()} export`);
          const exported = await measureExport(server, run.fill.token, format);
          run.exports.push(exported);
          if (exported.status !== "ok") log(`  export route ${exported.status} (HTTP ${exported.httpStatus})`);
        }
      }
      if (!args.skipBrowser) {
        log(`[bench] ${provider}: Chromium, ${args.browserRuns} loads of /inventory/instances and the Overview`);
        run.browser = await measureBrowser(server, run.fill, args.browserRuns, log);
      }
    } finally {
      await server.stop();
    }
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
    log(`[bench] ${provider} failed: ${run.error}`);
  } finally {
    postgres?.stop();
    if (!args.keepData && !run.error) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return run;
}

log(
  `[bench] inventory: ${args.rows.toLocaleString("en")} instances, ${args.requests} page requests per API, ${SHAPES.length} query shapes, ${os.availableParallelism()} CPU cores, work dir ${work}`,
);
// The browser first, as npm test gets it (Debian's package when run as root): a machine without
// one otherwise found out after the fill and every other measurement (20-30 minutes at 1M).
if (!args.skipBrowser) {
  const browser = ensureChromium({ log });
  if ("stop" in browser) {
    log(`[bench] ${browser.stop}\n[bench] or run with --skip-browser`);
    process.exit(1);
  }
  process.env.CHROMIUM_PATH = browser.found;
}
const build = ensureBuild(log, args.noBuild, path.join(work, "build.log"));
log(`[bench] ${build.built ? `built in ${(build.ms / 1000).toFixed(0)} s` : build.reason}`);
const runs: DatabaseRun[] = [];
if (!args.skipSqlite) runs.push(await benchDatabase("sqlite"));
if (!args.skipPostgres) runs.push(await benchDatabase("postgresql"));

notes.push(
  `estate: 2 connections x 10 accounts x 5 regions, the simulator's instance mix (${runs[0]?.fill ? `${runs[0].fill.removed.toLocaleString("en")} removed rows kept beside the current ones` : "-"}); every second account has an alias`,
);
notes.push(
  "HTTP requests are sequential (one in flight), each timed to the body's last byte, with a viewer API token; the first request of every shape is a warm-up and not in the sample",
);
notes.push(
  "the v1 sample walks each shape's pages by nextCursor: half from the start, half from ~5,000 rows in; the UI API sample pages by nextCursor as the table's Next does: half from the start, half up to the last page (reached by one untimed offset read near the end)",
);
notes.push(
  `one ${os.availableParallelism()}-core machine runs the server, the database, the bench and Chromium; figures vary between runs`,
);
if (runs.some((r) => r.provider === "postgresql" && r.fill))
  notes.push(
    "PostgreSQL gets VACUUM ANALYZE after the bulk load (autovacuum would do the same within minutes); SQLite gets no ANALYZE, as in Cirrus",
  );
process.stdout.write(finalReport(runs, notes));
if (args.keepData || runs.some((r) => r.error)) log(`[bench] data and logs kept in ${work}`);
else fs.rmSync(work, { recursive: true, force: true });
process.exit(0);
