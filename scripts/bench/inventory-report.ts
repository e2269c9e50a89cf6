// Formatting of bench:inventory: the tables and PASS/MISS per target on stdout (style of
// report.ts). Targets are reported, never enforced.
import type { BrowserResult } from "./inventory-browser";
import type { DbWorkerResult } from "./inventory-db-worker";
import type { FillResult } from "./inventory-fill";
import { percentile, type ApiLatency, type ExportResult, type ItemLatency } from "./inventory-http";
import { SHAPES } from "./inventory-shapes";

// Issue 15's targets (at up to 1,000,000 instances, on SQLite and PostgreSQL).
export const TARGETS = {
  pageP95Ms: 100,
  exportRowsPerSecond: { csv: 100_000, json: 100_000, xlsx: 25_000 },
  exportRssMb: 100,
  firstRowsMs: 1_000,
  overviewMs: 500,
};

export type DatabaseRun = {
  provider: string;
  fill: FillResult | null;
  serverStartMs: number | null;
  db: DbWorkerResult | null;
  latency: ApiLatency[];
  items: ItemLatency | null;
  exports: ExportResult[];
  browser: BrowserResult | null;
  error: string | null;
};

const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : "-");
const s = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : "-");
const mb = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} MB` : "-");
const mark = (ok: boolean) => (ok ? "PASS" : "MISS");
const median = (values: number[]) => percentile(values, 50);

function table(head: string[], rows: string[][], leftColumns = 1): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), ...rows.map(line)];
}

const primary = (run: DatabaseRun) => run.latency[0] ?? null;
const ofApi = (run: DatabaseRun, api: string) => run.latency.find((l) => l.api === api) ?? null;

export function summaryTable(runs: DatabaseRun[]): string[] {
  const head = [
    "database",
    "instances",
    "fill",
    "API",
    "p50",
    "p95",
    "max",
    "UI page p50",
    "p95",
    "export",
    "rows",
    "RSS peak/+",
    "first rows",
    "overview",
  ];
  const rows = runs.map((run) => {
    const api = primary(run);
    const ui = ofApi(run, "ui");
    const ex = run.exports.find((e) => e.format === "csv");
    const first = run.browser ? median(run.browser.instances.map((t) => t.totalMs)) : NaN;
    const overview = run.browser ? median(run.browser.overview.map((t) => t.totalMs)) : NaN;
    return [
      run.provider,
      run.fill ? `${run.fill.instances.toLocaleString("en")}` : "-",
      run.fill ? s(run.fill.fillMs) : "-",
      api ? api.path : "-",
      api ? ms(percentile(api.all, 50)) : "-",
      api ? ms(percentile(api.all, 95)) : "-",
      api ? ms(Math.max(...api.all)) : "-",
      ui && ui !== api ? ms(percentile(ui.all, 50)) : "-",
      ui && ui !== api ? ms(percentile(ui.all, 95)) : "-",
      ex?.status === "ok" ? s(ex.totalMs) : ex ? ex.status : "skipped",
      ex?.status === "ok" ? (ex.rows ?? 0).toLocaleString("en") : "-",
      ex?.status === "ok" ? `${mb(ex.peakRssMb)}/+${mb(ex.peakDeltaMb)}` : "-",
      run.browser ? ms(first) : "skipped",
      run.browser ? ms(overview) : "skipped",
    ];
  });
  return table(head, rows);
}

export function shapeTable(run: DatabaseRun): string[] {
  const head = ["shape", "matches"];
  for (const l of run.latency) head.push(`${l.api} p50`, "p95", "max");
  head.push("db count", "db page 1", "mid", "last");
  const rows = SHAPES.map((shape) => {
    const row = [shape.id];
    const dbShape = run.db?.shapes.find((d) => d.shape === shape.id);
    row.push(dbShape ? dbShape.total.toLocaleString("en") : "-");
    for (const l of run.latency) {
      const samples = l.shapes.find((x) => x.shape === shape.id)?.samples ?? [];
      row.push(ms(percentile(samples, 50)), ms(percentile(samples, 95)), ms(Math.max(...samples)));
    }
    row.push(
      dbShape ? ms(dbShape.countMs) : "-",
      dbShape ? ms(dbShape.firstPageMs) : "-",
      dbShape ? ms(dbShape.midPageMs) : "-",
      dbShape ? ms(dbShape.lastPageMs) : "-",
    );
    return row;
  });
  return table(head, rows);
}

export function finalReport(runs: DatabaseRun[], notes: string[]): string {
  const out = ["", "=== bench:inventory results", ...summaryTable(runs), ""];
  for (const run of runs) {
    if (!run.latency.length && !run.db) continue;
    out.push(
      `--- ${run.provider}: per query shape (HTTP: ${run.latency.map((l) => `${l.api} = ${l.path}, ${l.paging}, ${l.all.length} requests`).join("; ")}; db = the offset page's two queries timed apart in a separate process: count and page 1 median of 3, middle and last page once)`,
    );
    out.push(...shapeTable(run), "");
  }
  out.push("Targets:");
  for (const run of runs) {
    if (run.error) out.push(`  MISS  ${run.provider}: the run failed: ${run.error.split("\n")[0]}`);
    for (const l of run.latency) {
      const p95 = percentile(l.all, 95);
      const label = l.api === "v1" ? "REST API v1 page" : "UI page API (keyset, Next without a recount)";
      out.push(
        `  ${mark(p95 < TARGETS.pageP95Ms && l.errors === 0)}  ${run.provider}: ${label} p95 < ${TARGETS.pageP95Ms} ms (${ms(p95)}, p50 ${ms(percentile(l.all, 50))}, ${l.all.length} requests${l.errors ? `, ${l.errors} errors: ${l.firstError}` : ""})`,
      );
    }
    for (const ex of run.exports) {
      const name = ex.format.toUpperCase();
      if (ex.status === "ok") {
        // XLSX is zipped: its rows are taken to be the CSV's (the same query), not counted.
        const csv = run.exports.find((e) => e.format === "csv");
        const rows = ex.rows ?? (csv?.status === "ok" ? csv.rows : null) ?? NaN;
        const rowsOk = !run.fill || rows === run.fill.instances;
        const rowsPerSecond = rows / (ex.totalMs / 1000);
        const target = TARGETS.exportRowsPerSecond[ex.format];
        out.push(
          `  ${mark(rowsPerSecond >= target && rowsOk)}  ${run.provider}: ${name} export >= ${target.toLocaleString("en")} rows/s (${Math.round(rowsPerSecond).toLocaleString("en")} rows/s: ${rows.toLocaleString("en")} rows${ex.rows === null ? " (as in the CSV)" : ""} in ${s(ex.totalMs)} to the last byte, first byte ${ms(ex.ttfbMs)}, ${(ex.bytes / 1e6).toFixed(1)} MB${rowsOk ? "" : `; expected ${run.fill?.instances} rows`})`,
        );
        out.push(
          `  ${mark(ex.peakDeltaMb < TARGETS.exportRssMb)}  ${run.provider}: ${name} export server RSS growth < ${TARGETS.exportRssMb} MB (+${mb(ex.peakDeltaMb)}: ${mb(ex.rssBeforeMb)} before, peak ${mb(ex.peakRssMb)}; ${ex.peakSource})`,
        );
      } else if (ex.status === "missing") {
        out.push(`  MISS  ${run.provider}: ${name} export route missing (${ex.path}: HTTP ${ex.httpStatus})`);
      } else {
        out.push(`  MISS  ${run.provider}: ${name} export failed (HTTP ${ex.httpStatus}: ${ex.message})`);
      }
    }
    if (run.db?.sorts.length) {
      // Timed without HTTP (add ~15-20 ms for the page's request); the slowest three named.
      const worst = Math.max(...run.db.sorts.map((t) => Math.max(t.firstMs, t.deepMs)));
      const slowest = [...run.db.sorts]
        .sort((a, b) => Math.max(b.firstMs, b.deepMs) - Math.max(a.firstMs, a.deepMs))
        .slice(0, 3)
        .map((t) => `${t.sort} ${t.order} ${ms(t.firstMs)} / ${ms(t.deepMs)}`);
      out.push(
        `  ${mark(worst < TARGETS.pageP95Ms)}  ${run.provider}: every sortable column x both directions, first page and a keyset page 90 % in, database reads < ${TARGETS.pageP95Ms} ms (${run.db.sorts.length} sorts, slowest first / deep: ${slowest.join("; ")})`,
      );
    }
    if (run.items?.samples.length) {
      out.push(
        `  info  ${run.provider}: detail drawer (/api/inventory/instances/<row id>): p50 ${ms(percentile(run.items.samples, 50))}, max ${ms(Math.max(...run.items.samples))} over ${run.items.samples.length} rows${run.items.errors ? `, ${run.items.errors} errors` : ""}`,
      );
    }
    if (run.browser) {
      const first = median(run.browser.instances.map((t) => t.totalMs));
      out.push(
        `  ${mark(first < TARGETS.firstRowsMs)}  ${run.provider}: first rows of /inventory/instances in Chromium < ${s(TARGETS.firstRowsMs)} (median ${ms(first)} of ${run.browser.instances.length}: ${run.browser.instances.map((t) => Math.round(t.totalMs)).join(", ")} ms; HTML ${ms(median(run.browser.instances.map((t) => t.documentMs)))})`,
      );
      const overview = median(run.browser.overview.map((t) => t.totalMs));
      out.push(
        `  ${mark(overview < TARGETS.overviewMs)}  ${run.provider}: Overview (/) until its totals show < ${ms(TARGETS.overviewMs)}: median ${ms(overview)} (HTML ${ms(median(run.browser.overview.map((t) => t.documentMs)))}); its database reads alone (loadCurrentInventory) ${run.db ? ms(run.db.overviewLoadMs) : "-"}`,
      );
    }
  }
  if (notes.length) out.push("Notes:", ...notes.map((n) => `  - ${n}`));
  return `${out.join("\n")}\n`;
}
