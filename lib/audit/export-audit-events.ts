import "server-only";
import { getDb } from "../db";
import { csvRecord, UTF8_BOM } from "../inventory/export/csv";
import { pullStream } from "../inventory/export/text-streams";
import { logUnexpected } from "../log";
import { AUDIT } from "./actions";
import { auditFilterQuery, type AuditFilter } from "./audit-filter";
import { auditWhere } from "./audit-where";
import { AUDIT_ORDER, AUDIT_ROW_SELECT } from "./list-audit-events";
import { recordAuditEvent, type AuditActor } from "./record-audit-event";

export const AUDIT_EXPORT_BATCH = 1000;

// The CSV's columns, in the page's order; `details` is the event's JSON as stored.
export const AUDIT_CSV_HEADER = ["time", "action", "actor", "targetType", "target", "ip", "details", "id"] as const;

type AuditRecord = {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  target: string | null;
  ip: string | null;
  details: string | null;
};

// Newest first, a keyset batch at a time: memory stays flat however long the log is, and events
// written while the file streams (newer than its first row) do not shift the batches.
async function* auditBatches(filter: AuditFilter): AsyncGenerator<AuditRecord[]> {
  const where = auditWhere(filter);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const keyset: Record<string, unknown>[] = after
      ? [{ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }]
      : [];
    const rows: AuditRecord[] = await getDb().auditEvent.findMany({
      where: { AND: [where, ...keyset] },
      orderBy: AUDIT_ORDER,
      take: AUDIT_EXPORT_BATCH,
      select: AUDIT_ROW_SELECT,
    });
    if (rows.length) yield rows;
    if (rows.length < AUDIT_EXPORT_BATCH) return;
    after = rows[rows.length - 1];
  }
}

// Written through the inventory exports' CSV writer: the same RFC 4180 quoting and formula guard
// (an e-mail or a failed sign-in's typed name can start with "=").
async function* auditCsvChunks(filter: AuditFilter, tally: { rowCount: number }): AsyncGenerator<string> {
  yield UTF8_BOM + csvRecord(AUDIT_CSV_HEADER);
  for await (const batch of auditBatches(filter)) {
    tally.rowCount += batch.length;
    yield batch
      .map((row) =>
        csvRecord([row.createdAt, row.action, row.actorEmail, row.targetType, row.target, row.ip, row.details, row.id]),
      )
      .join("");
  }
}

// cirrus-audit-log-<UTC yyyyMMdd-HHmmss>.csv
export function auditExportFilename(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "")
    .replace(/-|:/g, "")
    .replace("T", "-");
  return `cirrus-audit-log-${stamp}.csv`;
}

// Every event matching the filter as a streamed CSV. Exporting the log is itself audited, like
// inventory exports: once the stream ends, with the filter, row count and whether it completed.
export function exportAuditEvents({
  filter,
  actor,
  ip,
}: {
  filter: AuditFilter;
  actor: AuditActor;
  ip: string | null;
}) {
  const exportedAt = new Date();
  const tally = { rowCount: 0 };
  async function* audited(): AsyncGenerator<string> {
    let completed = false;
    try {
      yield* auditCsvChunks(filter, tally);
      completed = true;
    } finally {
      const details = {
        format: "csv",
        ...Object.fromEntries(auditFilterQuery(filter)),
        rowCount: tally.rowCount,
        completed,
      };
      await recordAuditEvent({
        action: AUDIT.auditLogExported,
        actor,
        ip,
        targetType: "audit-log",
        target: "audit log",
        details,
      }).catch(logUnexpected);
    }
  }
  const body = pullStream(audited(), (error) => void logUnexpected(error));
  return { body, contentType: "text/csv; charset=utf-8", filename: auditExportFilename(exportedAt) };
}
