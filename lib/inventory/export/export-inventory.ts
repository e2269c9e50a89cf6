import "server-only";
import { recordAuditEvent, type AuditActor } from "../../audit/record-audit-event";
import { COLLECTOR_VERSION } from "../../version";
import { logUnexpected } from "../../log";
import { coverageOf } from "../api/coverage";
import { apiQueryOf } from "../api/parse-api-query";
import { iterateInventory, type TaggedInventoryRow } from "../query/list-inventory-cursor";
import type { InventoryQuery, InventoryType } from "../query/types";
import { EXPORT_AUDIT } from "./audit";
import { exportColumns } from "./columns";
import { snapshotTime } from "./snapshot-time";
import { csvChunks, jsonChunks, pullStream, type ExportMeta } from "./text-streams";
import { xlsxStream } from "./xlsx-stream";

export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
// Rows per keyset read: fewer, larger reads cost less per row; 2,000 rows are a few MB.
export const EXPORT_BATCH_SIZE = 2000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

type ExportInput = {
  type: InventoryType;
  query: InventoryQuery;
  format: ExportFormat;
  actor: AuditActor;
  ip: string | null;
};

// Every row of a filtered, sorted view as a streamed file: read in keyset batches, so memory
// does not grow with the table. The audit entry is written when the stream ends (row count
// known), also when the client aborts or the read fails (completed: false).
export async function exportInventory({ type, query, format, actor, ip }: ExportInput) {
  const exportedAt = new Date();
  const [snapshotAt, coverage] = await Promise.all([snapshotTime(type, query), coverageOf(type, query)]);
  const meta: ExportMeta = {
    type,
    query: apiQueryOf(query),
    exportedAt,
    snapshotAt,
    collectorVersion: COLLECTOR_VERSION,
    coverage,
  };
  const tally = { rowCount: 0 };
  const audit = async (completed: boolean) => {
    const details = { type, format, ...meta.query, rowCount: tally.rowCount, completed };
    await recordAuditEvent({
      action: EXPORT_AUDIT.exported,
      actor,
      ip,
      targetType: "inventory",
      target: type,
      details,
    }).catch(logUnexpected);
  };
  const batches = counted(iterateInventory(type, query, EXPORT_BATCH_SIZE), tally);
  const onError = (error: unknown) => void logUnexpected(error);
  const columns = exportColumns(type);
  // The audit wraps what the response stream drives, which starts at once: a generator that
  // never started would skip its `finally` on cancel, and the abort would go unrecorded.
  const body =
    format === "xlsx"
      ? xlsxStream(columns, audited(batches, audit), meta, onError)
      : pullStream(
          audited(format === "csv" ? csvChunks(columns, batches, meta) : jsonChunks(batches, meta), audit),
          onError,
        );
  return { body, contentType: CONTENT_TYPES[format], filename: exportFilename(type, format, exportedAt) };
}

async function* counted(source: AsyncGenerator<TaggedInventoryRow[]>, tally: { rowCount: number }) {
  for await (const batch of source) {
    tally.rowCount += batch.length;
    yield batch;
  }
}

// Records the audit entry once the stream ends: completed, aborted by the client, or failed.
async function* audited<T>(source: AsyncGenerator<T>, audit: (completed: boolean) => Promise<void>): AsyncGenerator<T> {
  let completed = false;
  try {
    yield* source;
    completed = true;
  } finally {
    await audit(completed);
  }
}

// cirrus-<type>-<UTC yyyyMMdd-HHmmss>.<ext>
export function exportFilename(type: InventoryType, format: ExportFormat, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "")
    .replace(/-|:/g, "")
    .replace("T", "-");
  return `cirrus-${type}-${stamp}.${format}`;
}
