import type { CoverageSummary } from "../../coverage/types";
import type { ApiQuery } from "../api/parse-api-query";
import type { TaggedInventoryRow } from "../query/list-inventory-cursor";
import type { InventoryType } from "../query/types";
import { CSV_FACT_LABELS, exportRecordReader, type ExportColumn } from "./columns";
import { csvField, csvRecord, UTF8_BOM } from "./csv";

// What every export file records about itself (SECURITY.md 14, PRODUCT.md "audit-grade exports").
// `coverage`: the scopes behind the rows that could not be read; absent only where no database
// is involved (unit tests), and then written as complete.
export type ExportMeta = {
  type: InventoryType;
  query: ApiQuery;
  exportedAt: Date;
  snapshotAt: Date | null;
  collectorVersion: string;
  coverage?: CoverageSummary;
};

const COMPLETE: CoverageSummary = { complete: true, gaps: [], excluded: [] };

// One line per gap for a CSV cell or the XLSX About sheet: "333333333333 eu-west-1 rds-db-instance
// denied rds:DescribeDBInstances (AccessDenied) since never", "... excluded: <reason>".
export function gapLines(gaps: CoverageSummary["gaps"]): string {
  return gaps
    .map((gap) =>
      [
        gap.accountId,
        gap.region,
        gap.resourceType,
        gap.status,
        gap.action,
        gap.errorCode ? `(${gap.errorCode})` : null,
        `since ${gap.since ?? "never"}`,
        gap.reason ? `by ${gap.excludedBy ?? "an administrator"} on ${gap.excludedAt}: ${gap.reason}` : null,
      ]
        .filter(Boolean)
        .join(" "),
    )
    .join("; ");
}

export const coverageOfMeta = (meta: ExportMeta): CoverageSummary => meta.coverage ?? COMPLETE;

// CSV has no place for file-level facts, so they ride along as constant trailing columns:
// any CSV reader gets them without a special first line. Headers are the table's labels.
export async function* csvChunks(
  columns: ExportColumn[],
  batches: AsyncIterable<TaggedInventoryRow[]>,
  meta: ExportMeta,
): AsyncGenerator<string> {
  yield UTF8_BOM + csvRecord([...columns.map((column) => column.label), ...CSV_FACT_LABELS]);
  const coverage = coverageOfMeta(meta);
  const constants = [
    meta.exportedAt,
    meta.snapshotAt,
    meta.collectorVersion,
    coverage.complete,
    gapLines(coverage.gaps),
    gapLines(coverage.excluded),
  ];
  // The same on every row: formatted once.
  const facts = csvRecord(constants).slice(0, -2);
  const record = exportRecordReader(columns, { datesAsText: true });
  for await (const batch of batches) {
    let chunk = "";
    for (const row of batch) chunk += `${record(row).map(csvField).join(",")},${facts}\r\n`;
    yield chunk;
  }
}

// { exportedAt, snapshotAt, collectorVersion, type, query, coverage, rows: [...] }, written a batch at a time.
export async function* jsonChunks(
  batches: AsyncIterable<TaggedInventoryRow[]>,
  meta: ExportMeta,
): AsyncGenerator<string> {
  const head = {
    exportedAt: meta.exportedAt,
    snapshotAt: meta.snapshotAt,
    collectorVersion: meta.collectorVersion,
    type: meta.type,
    query: meta.query,
    coverage: coverageOfMeta(meta),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"rows":[`;
  let first = true;
  for await (const batch of batches) {
    yield batch.map((row) => `${first ? ((first = false), "\n") : ",\n"}${JSON.stringify(row)}`).join("");
  }
  yield "\n]}\n";
}

// A byte stream that asks for the next chunk only when the client has taken the previous one,
// so a slow download holds one batch in memory, not the whole table.
export function pullStream(
  chunks: AsyncGenerator<string>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // A truncated download is visible to the client; a file that silently ends early is not.
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
