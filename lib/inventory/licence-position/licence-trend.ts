import { pvuPeak, type Metric, type ProductId, type PvuPeak, type RuleParameters } from "@/lib/licensing";
import { groupKey, type SnapshotLicence, type SnapshotLicenceGroup } from "@/lib/licensing/estate";

// The licence figures over time, from the run snapshots' licence figures. Pure.
//
// Every whole-inventory snapshot is a point of every group. A snapshot that holds figures but not
// a group's had none of its lines then: 0 lines, a true zero. A snapshot without figures (taken
// before snapshots kept them, or their computation failed) is a gap in every group: its point has
// no figure, is left out of the peak and is counted apart, never read as 0.

export type TrendSnapshot = { takenAt: Date; licence: SnapshotLicence | null };

/** One group at one snapshot; quantity, lines and missing are null where the snapshot has no licence figures. */
export type TrendPoint = { takenAt: string; quantity: number | null; lines: number | null; missing: number | null };

/** The highest quantity of the period, the first snapshot it was reached at, out of how many with figures. */
export type TrendPeak = { quantity: number; takenAt: string; missing: number; snapshots: number };

export type TrendGroup = {
  key: string;
  product: ProductId;
  productName: string;
  edition: string | null;
  metric: Metric;
  points: TrendPoint[];
  peak: TrendPeak | null;
  /** PVU groups: the vCPU peak priced at today's PVU rate (pvuPeak), with its arithmetic. */
  pvuPeak: PvuPeak | null;
};

export type LicenceTrend = {
  from: string;
  to: string;
  /** Every snapshot of the trend in time order, the one current when the period began first. */
  snapshots: { takenAt: string; computed: boolean; softwareUnknown: number | null }[];
  /** Snapshots without licence figures: gaps in every group. */
  gaps: number;
  groups: TrendGroup[];
};

type Options = { from: Date; to: Date; params: RuleParameters };

/** `snapshots`: the period's whole-inventory snapshots plus the last one before `from`, its starting value. */
export function licenceTrend(snapshots: readonly TrendSnapshot[], { from, to, params }: Options): LicenceTrend {
  const sorted = [...snapshots].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const indexed: Indexed[] = sorted.map(({ takenAt, licence }) => ({
    takenAt,
    groups: licence && new Map(licence.groups.map((group) => [groupKey(group), group])),
  }));
  // Every group any snapshot had, described as it was last seen.
  const described = new Map<string, SnapshotLicenceGroup>();
  for (const snapshot of indexed) for (const [key, group] of snapshot.groups ?? []) described.set(key, group);
  const groups = [...described].map(([key, group]) => trendGroup(key, group, indexed, params));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    snapshots: sorted.map((s) => ({
      takenAt: s.takenAt.toISOString(),
      computed: s.licence !== null,
      softwareUnknown: s.licence?.softwareUnknown ?? null,
    })),
    gaps: sorted.filter((s) => s.licence === null).length,
    groups: groups.sort(
      (a, b) =>
        a.productName.localeCompare(b.productName) ||
        (a.edition ?? "").localeCompare(b.edition ?? "") ||
        a.metric.localeCompare(b.metric),
    ),
  };
}

/** A snapshot's groups by key; null when it has no licence figures. */
type Indexed = { takenAt: Date; groups: Map<string, SnapshotLicenceGroup> | null };

const NONE = { total: { quantity: 0, lines: 0, missing: 0 }, vcpus: 0 };

function trendGroup(
  key: string,
  group: SnapshotLicenceGroup,
  snapshots: Indexed[],
  params: RuleParameters,
): TrendGroup {
  const points: TrendPoint[] = [];
  const vcpuSamples: { at: Date; vcpus: number }[] = [];
  for (const { takenAt, groups } of snapshots) {
    if (!groups) {
      points.push({ takenAt: takenAt.toISOString(), quantity: null, lines: null, missing: null });
      continue;
    }
    const at = groups.get(key) ?? NONE;
    points.push({ takenAt: takenAt.toISOString(), ...at.total });
    if (at.vcpus !== undefined) vcpuSamples.push({ at: takenAt, vcpus: at.vcpus });
  }
  const name = `${group.productName}${group.edition ? ` ${group.edition}` : ""}`;
  return {
    key,
    product: group.product,
    productName: group.productName,
    edition: group.edition,
    metric: group.metric,
    points,
    peak: peakOf(points),
    pvuPeak: group.metric === "PVUs" ? pvuPeak(vcpuSamples, params, name) : null,
  };
}

function peakOf(points: TrendPoint[]): TrendPeak | null {
  const computed = points.filter((p) => p.quantity !== null);
  let peak: TrendPoint | null = null;
  // Points are in time order: only a higher quantity moves the peak, so a tie keeps the first.
  for (const point of computed) if (!peak || point.quantity! > peak.quantity!) peak = point;
  if (!peak) return null;
  return { quantity: peak.quantity!, takenAt: peak.takenAt, missing: peak.missing!, snapshots: computed.length };
}
