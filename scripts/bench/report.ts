// Formatting of the bench's findings: per-scale details on stderr as they come, the compact
// table and the targets on stdout at the end.
import type { CollectWorkerResult } from "./collect-worker";
import { formatStages } from "./cpu-stages";
import type { IngestResult } from "./ingest-worker";
import type { LowerBound } from "./lower-bound";
import type { SimStats } from "./sim-process";

export type ScaleResult = {
  scale: number;
  accounts: number;
  regions: number;
  instances: number;
  expectedRequests: number;
  lower: LowerBound;
  worker: CollectWorkerResult;
  sim: SimStats;
  simCpuMs: number;
  simPeakRssMb: number;
  cpuFloorMs: number;
  workBoundMs: number;
  sequentialMs: number | null;
  loadAverage: [number, number];
};

export type Baseline = {
  accounts: number;
  regions: number;
  wallMs: number;
  requests: number;
  expectedRequests: number;
  msPerRequest: number;
};

// Issues 5 and 15: wall time against the world's lower bound; the collector's CPU per instance
// and peak RSS; ingest of 1M instances into SQLite and its unchanged re-run; PostgreSQL's ingest
// against SQLite's.
export const TARGETS = {
  lowerBoundRatio: 1.3,
  cpuPerInstanceMs: 0.2,
  peakRssMb: 400,
  ingestRows: 1_000_000,
  ingestMs: 60_000,
  reRunMs: 15_000,
  postgresRatio: 2,
};
export const INGEST_COMPARE_ROWS = 100_000;

export type IngestReport = { sqlite: IngestResult; sqliteCompare: IngestResult; postgres: IngestResult | null };

const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const x = (ratio: number) => `${ratio.toFixed(ratio < 10 ? 2 : 1)}x`;
const mark = (ok: boolean) => (ok ? "PASS" : "MISS");

export function scaleDetail(r: ScaleResult): string {
  const w = r.worker;
  const lines = [
    `--- scale ${r.scale}x: ${r.accounts} accounts x ${r.regions} regions, ${r.instances.toLocaleString("en")} instances`,
    `  run: ${w.status}, wall ${s(w.wallMs)} (planning ${w.planMs === null ? "?" : s(w.planMs)}), ${w.storedInstances.toLocaleString("en")} instances stored, ${w.scopesPlanned} scopes, ${w.scopesFailed} failed${Object.keys(w.failures).length ? ` ${JSON.stringify(w.failures)}` : ""}`,
    `  requests: simulator ${r.sim.total} (expected without retries ${r.expectedRequests}), throttled ${r.sim.throttled}, errors ${r.sim.errored}, peak in flight ${r.sim.peakConcurrency}; run record: ${w.runRequests} requests, ${w.runThrottles} throttles`,
    `  throttled by API: ${JSON.stringify(
      Object.fromEntries(
        Object.entries(r.sim.byApi)
          .filter(([, c]) => c.throttled > 0)
          .map(([api, c]) => [api, c.throttled]),
      ),
    )}`,
    `  collector process: peak RSS ${w.peakRssMb.toFixed(0)} MB (JS heap ${w.peakHeapUsedMb.toFixed(0)} MB, external ${w.peakExternalMb.toFixed(0)} MB), CPU ${s(w.cpuMs)}, event loop busy ${(w.eventLoopUtilization * 100).toFixed(0)} %, DB writes ${s(w.writeMs)} in ${w.writes} transactions, slowest scope ${s(w.slowestScopeMs)}, run snapshot (storeRunSnapshot) ${s(w.snapshotMs)}`,
    `  collector CPU by stage (main thread, sampled): ${formatStages(w.stages)}`,
    `  simulator process: CPU ${s(r.simCpuMs)} during the run, peak RSS ${r.simPeakRssMb.toFixed(0)} MB; machine load average (1 min) ${r.loadAverage[0].toFixed(1)} before, ${r.loadAverage[1].toFixed(1)} after`,
    `  lower bound ${s(r.lower.totalMs)} = ${r.lower.components.map((c) => `${c.label} ${Math.round(c.ms)} ms`).join(" + ")}`,
    `  other floors (not targets): CPU floor ${s(r.cpuFloorMs)} (CPU time of collector + simulator over the cores), request time / concurrency ${s(r.workBoundMs)}`,
    `  wall / lower bound ${x(w.wallMs / r.lower.totalMs)}; wall / CPU floor ${x(w.wallMs / r.cpuFloorMs)}${r.sequentialMs ? `; sequential baseline (extrapolated) ${s(r.sequentialMs)}, speed-up ${x(r.sequentialMs / w.wallMs)}` : ""}`,
  ];
  return lines.join("\n");
}

export function finalReport(
  results: ScaleResult[],
  baseline: Baseline | null,
  ingest: IngestReport | null,
  notes: string[],
): string {
  const head = [
    "scale",
    "accounts",
    "instances",
    "wall",
    "lower bd",
    "wall/lb",
    "seq (extrap.)",
    "speed-up",
    "requests",
    "throttled",
    "peak RSS",
    "coll. CPU",
    "sim CPU",
    "DB writes",
    "growth",
  ];
  const rows = results.map((r) => [
    `${r.scale}x`,
    String(r.accounts),
    r.instances.toLocaleString("en"),
    s(r.worker.wallMs),
    s(r.lower.totalMs),
    x(r.worker.wallMs / r.lower.totalMs),
    r.sequentialMs ? s(r.sequentialMs) : "-",
    r.sequentialMs ? x(r.sequentialMs / r.worker.wallMs) : "-",
    String(r.sim.total),
    String(r.sim.throttled),
    `${r.worker.peakRssMb.toFixed(0)} MB`,
    s(r.worker.cpuMs),
    s(r.simCpuMs),
    s(r.worker.writeMs),
    x(r.worker.wallMs / results[0].worker.wallMs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  const out = ["", "=== bench:collect results", line(head), ...rows.map(line), ""];
  if (baseline) {
    out.push(
      `Sequential baseline: measured on ${baseline.accounts} accounts x ${baseline.regions} regions (${baseline.requests} requests, formula ${baseline.expectedRequests}) in ${s(baseline.wallMs)} = ${baseline.msPerRequest.toFixed(1)} ms per request; extrapolated linearly by request count to each full world (a full sequential run would take too long).`,
    );
  }
  out.push("Targets:");
  for (const r of results) {
    const ratio = r.worker.wallMs / r.lower.totalMs;
    out.push(
      `  ${mark(ratio <= TARGETS.lowerBoundRatio)}  scale ${r.scale}x: wall <= ${TARGETS.lowerBoundRatio}x lower bound (${x(ratio)})`,
    );
    const cpuPerInstance = r.worker.cpuMs / r.instances;
    out.push(
      `  ${mark(cpuPerInstance <= TARGETS.cpuPerInstanceMs)}  scale ${r.scale}x: collector CPU per instance <= ${TARGETS.cpuPerInstanceMs} ms (${cpuPerInstance.toFixed(2)} ms: ${s(r.worker.cpuMs)} for ${r.instances.toLocaleString("en")} instances)`,
    );
    out.push(
      `  ${mark(r.worker.peakRssMb < TARGETS.peakRssMb)}  scale ${r.scale}x: peak RSS < ${TARGETS.peakRssMb} MB (${r.worker.peakRssMb.toFixed(0)} MB)`,
    );
  }
  if (ingest) out.push(...ingestTargets(ingest));
  if (notes.length) out.push("Notes:", ...notes.map((n) => `  - ${n}`));
  return `${out.join("\n")}\n`;
}

function ingestTargets({ sqlite, sqliteCompare, postgres }: IngestReport): string[] {
  // Scaled linearly when the bench ran another size (--ingest-rows): said so in the line.
  const scaled = (ms: number, rows: number) => (ms * TARGETS.ingestRows) / rows;
  const scaledNote =
    sqlite.rows === TARGETS.ingestRows ? "" : `, scaled linearly from ${sqlite.rows.toLocaleString("en")} rows`;
  const rate = (r: IngestResult) => `${Math.round(r.rowsPerSecond).toLocaleString("en")} rows/s`;
  const first = scaled(sqlite.firstPassMs, sqlite.rows);
  const again = scaled(sqlite.secondPassMs, sqlite.rows);
  const out = [
    `  ${mark(first < TARGETS.ingestMs && sqlite.stored === sqlite.rows)}  ingest of ${TARGETS.ingestRows.toLocaleString("en")} instances into sqlite < ${s(TARGETS.ingestMs)} (${s(first)}${scaledNote}; ${rate(sqlite)} in ${sqlite.scopes} scope transactions; ${sqlite.stored.toLocaleString("en")} rows stored)`,
    `  ${mark(again < TARGETS.reRunMs)}  unchanged re-run of ${TARGETS.ingestRows.toLocaleString("en")} instances into sqlite < ${s(TARGETS.reRunMs)} (${s(again)}${scaledNote})`,
  ];
  if (postgres) {
    const ratio = postgres.firstPassMs / sqliteCompare.firstPassMs;
    out.push(
      `  ${mark(ratio <= TARGETS.postgresRatio)}  ingest into postgresql within ${TARGETS.postgresRatio}x of sqlite (${x(ratio)}: ${postgres.rows.toLocaleString("en")} rows in ${s(postgres.firstPassMs)} against ${s(sqliteCompare.firstPassMs)}; ${rate(postgres)} against ${rate(sqliteCompare)}; unchanged re-run ${s(postgres.secondPassMs)} against ${s(sqliteCompare.secondPassMs)})`,
    );
  }
  return out;
}
