// vCPUs over time, summed across connections, from the per-run RunSnapshot rows. Pure.
//
// The rule: time is cut into UTC hour buckets. A bucket's value is, for every connection, its
// latest snapshot taken at or before the end of that bucket (carried forward from earlier
// hours and from before the period), summed across connections. So a connection collected
// daily still counts in the hours between its runs, and two runs of one connection within an
// hour count once (the later one). Only hours in which some connection took a snapshot are
// points: the sum is constant between them.

export type SnapshotPoint = { connectionId: string; takenAt: Date; runningVcpus: number; totalVcpus: number; instances: number };
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
  while (i < sorted.length && sorted[i].takenAt < from) latest.set(sorted[i].connectionId, sorted[i++]);
  while (i < sorted.length && sorted[i].takenAt <= to) {
    const bucket = Math.floor(sorted[i].takenAt.getTime() / HOUR_MS) * HOUR_MS;
    while (i < sorted.length && sorted[i].takenAt <= to && sorted[i].takenAt.getTime() < bucket + HOUR_MS) latest.set(sorted[i].connectionId, sorted[i++]);
    const values = [...latest.values()];
    points.push({
      at: new Date(bucket).toISOString(),
      runningVcpus: values.reduce((n, s) => n + s.runningVcpus, 0),
      totalVcpus: values.reduce((n, s) => n + s.totalVcpus, 0),
      instances: values.reduce((n, s) => n + s.instances, 0),
    });
  }
  const peak = points.reduce<SeriesPoint | null>((best, p) => (!best || p.runningVcpus > best.runningVcpus ? p : best), null);
  return { from: from.toISOString(), to: to.toISOString(), points, peak };
}
