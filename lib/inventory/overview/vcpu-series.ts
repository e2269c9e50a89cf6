// vCPUs over time from the per-run RunSnapshot rows. Pure.
//
// The rule: time is cut into UTC hour buckets. A bucket's value is the latest whole-inventory
// snapshot (scope "all") taken at or before the end of that bucket, carried forward from
// earlier hours and from before the period. Databases from before resources were counted once
// hold per-connection snapshots (scope "connection"): until the first whole-inventory one, a
// bucket sums each connection's latest, as it did then. Only hours in which some run took a
// snapshot are points: the value is constant between them.

export type SnapshotPoint = {
  connectionId: string;
  scope: string;
  takenAt: Date;
  runningVcpus: number;
  totalVcpus: number;
  instances: number;
};

const ALL = "all";
const keyOf = (snapshot: SnapshotPoint) => (snapshot.scope === ALL ? ALL : snapshot.connectionId);
export type SeriesPoint = { at: string; runningVcpus: number; totalVcpus: number; instances: number };
export type VcpuSeries = { from: string; to: string; points: SeriesPoint[]; peak: SeriesPoint | null };

const HOUR_MS = 3_600_000;

/** `snapshots` holds the period's snapshots plus, per connection, the last one before `from`. */
export function vcpuSeries(snapshots: readonly SnapshotPoint[], from: Date, to: Date): VcpuSeries {
  const sorted = [...snapshots].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const latest = new Map<string, SnapshotPoint>();
  const points: SeriesPoint[] = [];
  let i = 0;
  // Seed with what was current when the period began.
  while (i < sorted.length && sorted[i].takenAt < from) latest.set(keyOf(sorted[i]), sorted[i++]);
  while (i < sorted.length && sorted[i].takenAt <= to) {
    const bucket = Math.floor(sorted[i].takenAt.getTime() / HOUR_MS) * HOUR_MS;
    while (i < sorted.length && sorted[i].takenAt <= to && sorted[i].takenAt.getTime() < bucket + HOUR_MS)
      latest.set(keyOf(sorted[i]), sorted[i++]);
    const whole = latest.get(ALL);
    const values = whole ? [whole] : [...latest.values()];
    points.push({
      at: new Date(bucket).toISOString(),
      runningVcpus: values.reduce((n, s) => n + s.runningVcpus, 0),
      totalVcpus: values.reduce((n, s) => n + s.totalVcpus, 0),
      instances: values.reduce((n, s) => n + s.instances, 0),
    });
  }
  const peak = points.reduce<SeriesPoint | null>(
    (best, p) => (!best || p.runningVcpus > best.runningVcpus ? p : best),
    null,
  );
  return { from: from.toISOString(), to: to.toISOString(), points, peak };
}
