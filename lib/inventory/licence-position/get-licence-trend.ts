import "server-only";
import { getDb } from "@/lib/db";
import { RULE_PARAMETERS } from "@/lib/licensing";
import { parseSnapshotLicence } from "@/lib/licensing/estate";
import { licenceTrend, type LicenceTrend } from "./licence-trend";
import type { TrendPeriod } from "./trend-period";

/**
 * The licence figures per product + edition + metric over the period, from the whole-inventory
 * run snapshots, with each group's peak and, for IBM PVUs, the peak priced at today's PVU rate.
 * As the vCPU trend does, the last snapshot before the period is its starting value.
 */
export async function getLicenceTrend({ from, to }: TrendPeriod): Promise<LicenceTrend> {
  const db = getDb();
  const select = { takenAt: true, licence: true } as const;
  const [before, inPeriod] = await Promise.all([
    db.runSnapshot.findFirst({ where: { scope: "all", takenAt: { lt: from } }, select, orderBy: { takenAt: "desc" } }),
    db.runSnapshot.findMany({
      where: { scope: "all", takenAt: { gte: from, lte: to } },
      select,
      orderBy: { takenAt: "asc" },
    }),
  ]);
  const snapshots = (before ? [before, ...inPeriod] : inPeriod).map((s) => ({
    takenAt: s.takenAt,
    licence: parseSnapshotLicence(s.licence),
  }));
  return licenceTrend(snapshots, { from, to, params: RULE_PARAMETERS });
}
