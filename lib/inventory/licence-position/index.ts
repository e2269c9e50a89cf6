import "server-only";

// lib/inventory/licence-position: lib/licensing's requirement lines over the current inventory,
// summed per product + edition + metric, with the instances whose software is unknown counted apart.
export { getLicencePosition, getLicencePositionCoverage, type LicencePositionView } from "./get-licence-position";
export { filterLines, lineFilterQuery, parseLineFilter, hasLineFilter, NO_EDITION, type LineFilter } from "./filters";
export { BASES } from "@/lib/licensing/estate";
export type * from "./types";
export { exportLicenceLines, LINE_EXPORT_FORMATS, type LineExportFormat } from "./export-lines";
export { LINE_COLUMNS, lineRecord } from "./export-columns";
export { getSoftware } from "./get-software";
export type { SoftwareRow } from "./software-rows";
export { getLicenceTrend } from "./get-licence-trend";
export type { LicenceTrend, TrendGroup, TrendPeak, TrendPoint } from "./licence-trend";
export { lastDays, parseTrendPeriod, trendDays, TREND_PERIOD_DAYS, type TrendPeriod } from "./trend-period";
