import "server-only";
import ExcelJS from "exceljs";
import { recordAuditEvent, type AuditActor } from "../../audit/record-audit-event";
import { COLLECTOR_VERSION } from "../../version";
import { EXPORT_AUDIT } from "../export/audit";
import { csvRecord, spreadsheetText, UTF8_BOM } from "../export/csv";
import { gapLines } from "../export/text-streams";
import { LINE_COLUMNS, lineRecord } from "./export-columns";
import type { LineFilter } from "./filters";
import { getLicencePosition, getLicencePositionCoverage } from "./get-licence-position";

export const LINE_EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type LineExportFormat = (typeof LINE_EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<LineExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

type ExportInput = { filter: LineFilter; format: LineExportFormat; actor: AuditActor; ip: string | null };

/**
 * The requirement lines of one drill-down view as a file: the rows the page shows for the same
 * filters, with when it was computed and the coverage gaps behind it. The lines are computed in
 * memory (the position is), so the file is built whole; the export is audited with its row count.
 */
export async function exportLicenceLines({ filter, format, actor, ip }: ExportInput) {
  const now = new Date();
  const [view, coverage] = await Promise.all([getLicencePosition({ now, filter }), getLicencePositionCoverage(filter)]);
  const facts = {
    exportedAt: now.toISOString(),
    collectorVersion: COLLECTOR_VERSION,
    filter,
    softwareUnknown: view.softwareUnknown.length,
    coverageComplete: coverage.complete,
    coverageGaps: gapLines(coverage.gaps),
  };
  let body: string | Uint8Array;
  if (format === "json") body = JSON.stringify({ ...facts, coverage, rows: view.lines });
  else if (format === "csv") {
    const factValues = [facts.exportedAt, facts.softwareUnknown, facts.coverageComplete, facts.coverageGaps];
    body =
      UTF8_BOM +
      csvRecord([
        ...LINE_COLUMNS.map((c) => c.label),
        "Exported at",
        "Software unknown",
        "Coverage complete",
        "Coverage gaps",
      ]) +
      view.lines.map((line) => csvRecord([...lineRecord(line), ...factValues])).join("");
  } else body = await workbook(view.lines.map(lineRecord), facts);
  await recordAuditEvent({
    action: EXPORT_AUDIT.exported,
    actor,
    ip,
    targetType: "licence-position",
    target: "licence-position",
    details: { format, filter, rowCount: view.lines.length, completed: true },
  });
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "")
    .replace(/-|:/g, "")
    .replace("T", "-");
  return { body, contentType: CONTENT_TYPES[format], filename: `cirrus-licence-position-${stamp}.${format}` };
}

async function workbook(records: (string | number | null)[][], facts: Record<string, unknown>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("licence-position", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = LINE_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: c.key === "arithmetic" ? 80 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow(record.map((v) => (typeof v === "string" ? spreadsheetText(v) : v)));
  const about = book.addWorksheet("About");
  about.columns = [
    { header: "key", key: "key", width: 18 },
    { header: "value", key: "value", width: 80 },
  ];
  for (const [key, value] of Object.entries(facts))
    about.addRow({ key, value: spreadsheetText(typeof value === "string" ? value : JSON.stringify(value)) });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
