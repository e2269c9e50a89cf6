import type { TrendGroup } from "@/lib/inventory/licence-position/licence-trend";

// The trend's words, shared by the sentence under each chart and the chart's accessible name.

/** "2026-12-05 10:30 UTC". */
export const trendTime = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** "1 snapshot", "1,234 core licences". */
export const unit = (n: number, plural: string) =>
  `${n.toLocaleString("en")} ${n === 1 ? plural.replace(/s$/, "") : plural}`;

/** "Peak: 560 PVUs on 2026-12-05 10:30 UTC (highest of 12 snapshots)", saying lines without a figure. */
export function peakSentence({ peak, metric }: TrendGroup): string {
  if (!peak) return "No peak: no snapshot of this period holds licence figures.";
  const missing = peak.missing > 0 ? `; ${unit(peak.missing, "lines")} without a figure not included` : "";
  return `Peak: ${unit(peak.quantity, metric)} on ${trendTime(peak.takenAt)} (highest of ${unit(peak.snapshots, "snapshots")}${missing})`;
}
