// Page latency through the HTTP API (one request at a time, as a script or the UI makes them)
// and the CSV export's time, size and server memory.
import { performance } from "node:perf_hooks";
import type { BenchServer } from "./inventory-server";
import { PAGE_SIZE, SHAPES, type QueryShape } from "./inventory-shapes";

export type ApiKind = "v1" | "ui";
export const API_PATHS: Record<ApiKind, string> = { v1: "/api/v1/instances", ui: "/api/inventory/instances" };

export type ShapeLatency = { shape: string; samples: number[]; errors: number; rows: number; note: string };
export type ApiLatency = {
  api: ApiKind;
  path: string;
  paging: string;
  shapes: ShapeLatency[];
  all: number[];
  errors: number;
  firstError: string | null;
};

export const EXPORT_FORMATS = ["csv", "json", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportResult =
  | { format: ExportFormat; status: "missing"; path: string; httpStatus: number }
  | { format: ExportFormat; status: "failed"; path: string; httpStatus: number; message: string }
  | {
      format: ExportFormat;
      status: "ok";
      path: string;
      ttfbMs: number;
      totalMs: number;
      bytes: number;
      // Counted in the file: CSV one line per row after the header, JSON one line per row
      // between its head and tail; null for XLSX (zipped).
      rows: number | null;
      rssBeforeMb: number;
      peakRssMb: number;
      peakDeltaMb: number;
      peakSource: string;
      contentType: string;
    };

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

type Json = Record<string, unknown>;

async function timedGet(
  base: string,
  token: string,
  pathAndQuery: string,
): Promise<{ ms: number; status: number; body: Json | null; text: string }> {
  const started = performance.now();
  const response = await fetch(`${base}${pathAndQuery}`, {
    headers: { authorization: `Bearer ${token}`, accept: "application/json" },
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: Json | null = null;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = null;
  }
  return { ms, status: response.status, body, text };
}

/** Which list API exists on this build: the REST API v1 if it answers, else the UI's page API. */
export async function probeApis(server: BenchServer, token: string): Promise<ApiKind[]> {
  const v1 = await timedGet(server.url, token, `${API_PATHS.v1}?limit=1`);
  return v1.status === 200 && Array.isArray(v1.body?.data) ? ["v1", "ui"] : ["ui"];
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
const rowsOf = (api: ApiKind, body: Json | null) =>
  ((api === "v1" ? body?.data : body?.rows) as unknown[] | undefined)?.length ?? 0;

// Keyset pages, as the table (Next, which counts the view only on its first page) and API
// clients page. Half walk from the start, half go on from deep in the view: v1 gets there with
// untimed 1,000-row pages (~5,000 rows in); the table's API, whose deepest page is the last one a
// user can reach by Next, with one untimed offset read of a page near the end, whose nextCursor
// then leads on by keyset as the table does.
async function keysetShape(
  server: BenchServer,
  token: string,
  api: ApiKind,
  shape: QueryShape,
  count: number,
  onError: (message: string) => void,
): Promise<ShapeLatency> {
  const out: ShapeLatency = { shape: shape.id, samples: [], errors: 0, rows: 0, note: "" };
  const url = (size: number, cursor: string | null, page?: number) =>
    `${API_PATHS[api]}?${query({
      ...shape.params,
      ...(api === "v1" ? { limit: String(size) } : { pageSize: String(size) }),
      ...(page ? { page: String(page) } : {}),
      ...(cursor ? { cursor } : {}),
      // The table's Next keeps the total its view's first page gave (components/inventory/use-inventory.ts).
      ...(api === "ui" && cursor ? { count: "false" } : {}),
    })}`;
  let cursor: string | null = null;
  let position = 0;
  let deepest = 0;
  const walk = async (pages: number) => {
    for (let i = 0; i < pages; i++) {
      const r = await timedGet(server.url, token, url(PAGE_SIZE, cursor));
      out.samples.push(r.ms);
      if (r.status !== 200) {
        out.errors++;
        onError(`${shape.id} after row ${position}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
        cursor = null;
        position = 0;
        continue;
      }
      position += rowsOf(api, r.body);
      deepest = Math.max(deepest, position);
      cursor = (r.body?.nextCursor as string | null) ?? null;
      if (!cursor) position = 0; // the end: start over
    }
  };
  const firstHalf = Math.ceil(count / 2);
  await walk(firstHalf);
  cursor = null;
  position = 0;
  if (api === "v1")
    for (let jump = 0; jump < 5; jump++) {
      const r = await timedGet(server.url, token, url(1000, cursor));
      const next = (r.body?.nextCursor as string | null) ?? null;
      if (r.status !== 200 || !next) break;
      cursor = next;
      position += rowsOf("v1", r.body);
    }
  else {
    const probe = await timedGet(server.url, token, url(PAGE_SIZE, null));
    const pageCount = Math.max(1, Math.ceil(Number(probe.body?.total ?? 0) / PAGE_SIZE));
    // A page that leaves room for the timed walk before the last one.
    const page = Math.max(1, pageCount - (count - firstHalf));
    const r = await timedGet(server.url, token, url(PAGE_SIZE, null, page));
    cursor = (r.body?.nextCursor as string | null) ?? null;
    position = page * PAGE_SIZE;
  }
  await walk(count - firstHalf);
  out.rows = deepest;
  out.note = `keyset, up to row ${deepest.toLocaleString("en")}`;
  return out;
}

export async function measureLatency(
  server: BenchServer,
  token: string,
  api: ApiKind,
  requests: number,
  log: (line: string) => void,
): Promise<ApiLatency> {
  let firstError: string | null = null;
  const onError = (message: string) => {
    firstError ??= message;
  };
  // Warm-up: every shape once, so first-use costs (route modules, prepared statements, the
  // database's page cache) are not in the sample.
  for (const shape of SHAPES) {
    const params = {
      ...shape.params,
      ...(api === "v1" ? { limit: String(PAGE_SIZE) } : { pageSize: String(PAGE_SIZE) }),
    };
    await timedGet(server.url, token, `${API_PATHS[api]}?${query(params)}`);
  }
  const perShape = Math.max(1, Math.floor(requests / SHAPES.length));
  const shapes: ShapeLatency[] = [];
  for (const shape of SHAPES) {
    const result = await keysetShape(server, token, api, shape, perShape, onError);
    shapes.push(result);
    log(
      `  ${api} ${shape.id}: p50 ${percentile(result.samples, 50).toFixed(0)} ms, p95 ${percentile(result.samples, 95).toFixed(0)} ms${result.errors ? `, ${result.errors} errors` : ""}`,
    );
  }
  const all = shapes.flatMap((s) => s.samples);
  return {
    api,
    path: API_PATHS[api],
    paging:
      api === "v1"
        ? `limit=${PAGE_SIZE}, nextCursor`
        : `pageSize=${PAGE_SIZE}, nextCursor with count=false (as the table's Next)`,
    shapes,
    all,
    errors: shapes.reduce((sum, s) => sum + s.errors, 0),
    firstError,
  };
}

export type ItemLatency = { samples: number[]; errors: number };

// The detail drawer's request (/api/inventory/instances/<row id>, as the table sends it) for rows
// spread over the table: a lookup by id or resource id, then the row's change history.
export async function measureItems(server: BenchServer, token: string, count: number): Promise<ItemLatency> {
  const ids: string[] = [];
  for (let page = 1; ids.length < count && page <= count; page++) {
    const r = await timedGet(
      server.url,
      token,
      `${API_PATHS.ui}?${query({ sort: "launchTime", page: String(page * 37), pageSize: "1" })}`,
    );
    const row = ((r.body?.rows as { id: string }[] | undefined) ?? [])[0];
    if (row) ids.push(row.id);
  }
  const out: ItemLatency = { samples: [], errors: 0 };
  for (const id of ids) {
    const r = await timedGet(server.url, token, `${API_PATHS.ui}/${encodeURIComponent(id)}`);
    out.samples.push(r.ms);
    if (r.status !== 200) out.errors++;
  }
  return out;
}

const exportPath = (format: ExportFormat) => `/api/v1/instances/export?format=${format}`;
// Lines of a file that are not rows: CSV's header; JSON's head (up to "rows":[) and tail (]}).
const NON_ROW_LINES: Record<ExportFormat, number | null> = { csv: 1, json: 2, xlsx: null };

// Streams the export to its last byte, counting bytes and lines, while sampling the server's RSS;
// the kernel's peak mark (VmHWM) is reset first so the peak is the export's.
export async function measureExport(server: BenchServer, token: string, format: ExportFormat): Promise<ExportResult> {
  const path = exportPath(format);
  const before = server.memory();
  const peakReset = server.resetPeak();
  let sampledPeak = before.rssMb;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, server.memory().rssMb)), 20);
  try {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const ttfbMs = performance.now() - started;
    if (response.status === 404 || response.status === 405) {
      await response.body?.cancel();
      return { format, status: "missing", path, httpStatus: response.status };
    }
    if (!response.ok || !response.body)
      return {
        format,
        status: "failed",
        path,
        httpStatus: response.status,
        message: (await response.text()).slice(0, 300),
      };
    let bytes = 0;
    let lines = 0;
    let last = 10;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      if (chunk.length) last = chunk[chunk.length - 1];
    }
    const totalMs = performance.now() - started;
    if (last !== 10) lines++; // a last line without a newline
    const after = server.memory();
    const peakRssMb = peakReset ? Math.max(after.hwmMb, sampledPeak) : Math.max(sampledPeak, after.rssMb);
    const nonRows = NON_ROW_LINES[format];
    return {
      format,
      status: "ok",
      path,
      ttfbMs,
      totalMs,
      bytes,
      rows: nonRows === null ? null : Math.max(0, lines - nonRows),
      rssBeforeMb: before.rssMb,
      peakRssMb,
      peakDeltaMb: peakRssMb - before.rssMb,
      peakSource: peakReset ? "VmHWM reset before the export" : "VmRSS sampled every 20 ms",
      contentType: response.headers.get("content-type") ?? "",
    };
  } finally {
    clearInterval(sampler);
  }
}
