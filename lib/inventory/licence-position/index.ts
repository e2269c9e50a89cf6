import "server-only";

// lib/inventory/licence-position: lib/licensing's requirement lines over the current inventory,
// summed per product + edition + metric, with the instances whose software is unknown counted apart.
export { getLicencePosition, getLicencePositionCoverage, type LicencePositionView } from "./get-licence-position";
export { filterLines, lineFilterQuery, parseLineFilter, hasLineFilter, NO_EDITION, type LineFilter } from "./filters";
export { BASES } from "./aggregate";
export type * from "./types";
export { exportLicenceLines, LINE_EXPORT_FORMATS, type LineExportFormat } from "./export-lines";
export { LINE_COLUMNS, lineRecord } from "./export-columns";
export { getSoftware } from "./get-software";
export type { SoftwareRow } from "./software-rows";
