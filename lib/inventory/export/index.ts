import "server-only";

export {
  exportInventory,
  exportFilename,
  EXPORT_FORMATS,
  EXPORT_BATCH_SIZE,
  type ExportFormat,
} from "./export-inventory";
export { EXPORT_AUDIT } from "./audit";
export { exportColumns, exportRecordReader, type ExportColumn, type ExportValue } from "./columns";
export { csvField, csvRecord, neutraliseFormula, spreadsheetText, UTF8_BOM } from "./csv";
