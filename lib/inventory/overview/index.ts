// lib/inventory/overview: the Overview page's figures (totals, licence counts, vCPU history,
// hosts, reserved instances and their coverage) across connections.
export {
  getOverview,
  buildOverview,
  type Overview,
  type OverviewHost,
  type OverviewOptions,
  type ExpiringReservation,
} from "./get-overview";
export { riCoverage, normalisePlatform, type RiCoverage, type CoverageRow } from "./ri-coverage";
export { vcpuSeries, type VcpuSeries, type SeriesPoint } from "./vcpu-series";
