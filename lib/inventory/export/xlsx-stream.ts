import { PassThrough, Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import ExcelJS from "exceljs";
import type { TaggedInventoryRow } from "../query/list-inventory-cursor";
import { columnWidths } from "./column-widths";
import { exportRecordReader, type ExportColumn, type ExportValue } from "./columns";
import { spreadsheetText } from "./csv";
import { coverageOfMeta, gapLines, type ExportMeta } from "./text-streams";

const MAX_BACKLOG_BYTES = 1 << 20;

// XLSX through exceljs's streaming writer: rows are committed as they arrive and zipped on the
// fly. Numbers and dates are typed cells; text gets the same formula guard as CSV, so a value
// copied out of the sheet into a CSV later is still safe.
export function xlsxStream(
  columns: ExportColumn[],
  batches: AsyncGenerator<TaggedInventoryRow[]>,
  meta: ExportMeta,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  let closed = false;
  out.on("close", () => (closed = true));
  writeWorkbook(out, columns, batches, meta, () => closed).catch((error) => {
    onError(error);
    out.destroy(error as Error);
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

async function writeWorkbook(
  out: PassThrough,
  columns: ExportColumn[],
  batches: AsyncGenerator<TaggedInventoryRow[]>,
  meta: ExportMeta,
  closed: () => boolean,
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(meta.type, { views: [{ state: "frozen", ySplit: 1 }] });
  // The first batch sizes the columns: a streamed sheet's widths are written before its rows.
  const first = await batches.next();
  const firstRows = first.done ? [] : first.value;
  const widths = columnWidths(columns, firstRows.map(exportRecordReader(columns)));
  // Headers are the table's labels; JSON and the API keep the field names.
  // One style object per column, given to each of its cells: exceljs gives every new cell a copy
  // of its column's style and looks a style up by object before working it out again (XML and
  // all), so copies were worked out cell by cell (13 % of an XLSX export's CPU).
  const styles = columns.map((column) => (column.date ? { numFmt: "yyyy-mm-dd hh:mm:ss" } : {}));
  sheet.columns = columns.map((column, index) => ({
    header: column.label,
    key: column.key,
    width: widths[index],
    style: styles[index],
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rowCount = 0;
  const record = exportRecordReader(columns);
  const rest = async function* () {
    if (first.done) return;
    yield firstRows;
    yield* batches;
  };
  try {
    for await (const batch of rest()) {
      for (const row of batch) {
        const added = sheet.addRow(record(row).map(cellValue));
        added.eachCell({ includeEmpty: true }, (cell, column) => (cell.style = styles[column - 1]));
        added.commit();
      }
      rowCount += batch.length;
      await waitForBacklog(sheet, out, closed);
      if (closed()) return; // the client went away: leaving the loop ends the row source (and audits it)
    }
  } finally {
    // Also when the client left during the first batch, before `rest` delegated to the source.
    await batches.return(undefined);
  }
  // A filter button on every header, over every row: the first thing one does with an export.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rowCount + 1, column: columns.length } };
  sheet.commit();
  const about = workbook.addWorksheet("About");
  about.columns = [
    { header: "key", key: "key", width: 18 },
    { header: "value", key: "value", width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  const facts: [string, ExportValue][] = [
    ["exportedAt", meta.exportedAt],
    ["snapshotAt", meta.snapshotAt],
    ["collectorVersion", meta.collectorVersion],
    ["type", meta.type],
    ["rowCount", rowCount],
    ["query", JSON.stringify(meta.query)],
    ["coverageComplete", coverageOfMeta(meta).complete],
    // One row per gap: a cell holds at most 32,767 characters, a list of gaps may not fit.
    ...coverageOfMeta(meta).gaps.map((gap): [string, ExportValue] => ["coverageGap", gapLines([gap])]),
    ...coverageOfMeta(meta).excluded.map((gap): [string, ExportValue] => ["coverageExcluded", gapLines([gap])]),
  ];
  for (const [key, value] of facts) about.addRow({ key, value: cellValue(value) }).commit();
  about.commit();
  await workbook.commit();
}

function cellValue(value: ExportValue): ExportValue {
  if (typeof value === "string") return spreadsheetText(value);
  if (value instanceof Date && Number.isNaN(value.getTime())) return null;
  return value;
}

// exceljs 4.4 writes a sheet's XML into the zip without waiting for the reader (its StreamBuf
// ignores backpressure), so a slow download would pile the whole table up in memory. Before
// the next batch, wait until the bytes queued between exceljs and the client (the sheet's
// buffer and every stream piped after it: deflate, zip, output) are below a bound. The zip
// library uses readable-stream 2, which has no writableLength and keeps a single pipe as an
// object, hence the stream states read directly.
type StreamState = { length?: number; pipes?: PipedStream | PipedStream[] | null };
type PipedStream = { _writableState?: StreamState; _readableState?: StreamState };
type SheetInternals = { stream?: { buffers?: { length: number }[]; pipes?: PipedStream[] } };

function queuedBytes(stream: PipedStream | undefined, seen: Set<PipedStream>): number {
  if (!stream || seen.has(stream)) return 0;
  seen.add(stream);
  const pipes = stream._readableState?.pipes;
  const next = Array.isArray(pipes) ? pipes : pipes ? [pipes] : [];
  const own = (stream._writableState?.length ?? 0) + (stream._readableState?.length ?? 0);
  return own + next.reduce((sum, piped) => sum + queuedBytes(piped, seen), 0);
}

function backlogBytes(sheet: ExcelJS.Worksheet, out: PassThrough): number {
  const stream = (sheet as unknown as SheetInternals).stream;
  const seen = new Set<PipedStream>();
  const buffered = (stream?.buffers ?? []).reduce((sum, buffer) => sum + buffer.length, 0);
  const piped = (stream?.pipes ?? []).reduce((sum, pipe) => sum + queuedBytes(pipe, seen), 0);
  return buffered + piped + queuedBytes(out as unknown as PipedStream, seen);
}

async function waitForBacklog(sheet: ExcelJS.Worksheet, out: PassThrough, closed: () => boolean) {
  // Compression runs on the thread pool: give it a turn of the event loop every batch.
  do await sleep(0);
  while (!closed() && backlogBytes(sheet, out) > MAX_BACKLOG_BYTES);
}
