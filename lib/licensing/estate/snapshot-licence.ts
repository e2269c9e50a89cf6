import type { RuleParameters } from "..";
import { aggregateLines, BASES, groupKey } from "./aggregate";
import type { BasisFigures, Figure, LicenceLineRow, PositionGroup } from "./types";

// The licence figures a run snapshot keeps (RunSnapshot.licence, JSON): the position's groups
// without accounts or lines, so a year of half-hourly snapshots stays small. Written by the
// collector after each run, read by the licence trend.

const VERSION = 1;

/** One product + edition + metric at the snapshot: its total and its figures by basis. */
export type SnapshotLicenceGroup = Omit<PositionGroup, "byAccount"> & {
  /**
   * PVU groups only: the vCPUs behind the figure (lines with one), so the period's peak can be
   * priced again at today's PVU rate (pvuPeak takes vCPU samples).
   */
  vcpus?: number;
};

export type SnapshotLicence = {
  version: typeof VERSION;
  /** The PVU rate the snapshot's PVU figures were computed with. */
  pvusPerVcpu: number;
  /** Instances whose software was unknown then: left out of every software figure, not counted as none. */
  softwareUnknown: number;
  groups: SnapshotLicenceGroup[];
};

/** The compact licence figures of the estate's lines, as a snapshot keeps them. */
export function snapshotLicence(
  lines: readonly LicenceLineRow[],
  softwareUnknown: number,
  params: RuleParameters,
): SnapshotLicence {
  const rate = params.ibm.pvusPerVcpu;
  const groups = aggregateLines(lines).map((position): SnapshotLicenceGroup => {
    const { product, productName, edition, metric, total, byBasis } = position;
    const group = { product, productName, edition, metric, total, byBasis };
    if (metric !== "PVUs") return group;
    // A PVU line is vCPUs × rate (ibm-pvu-rule.ts); dividing by the same rate gives its vCPUs back.
    const vcpus = lines
      .filter((l) => l.product === product && l.edition === edition && l.metric === metric)
      .reduce((sum, l) => sum + (l.quantity === null ? 0 : Math.round(l.quantity / rate)), 0);
    return { ...group, vcpus };
  });
  return { version: VERSION, pvusPerVcpu: rate, softwareUnknown, groups };
}

const addFigure = (a: Figure, b: Figure): Figure => ({
  quantity: a.quantity + b.quantity,
  lines: a.lines + b.lines,
  missing: a.missing + b.missing,
});

/**
 * Two parts' figures as one (loadEstateInParts: the estate a part at a time, so no part holds
 * every instance): totals, bases, PVU vCPUs and unknown instances add up; groups keep
 * aggregateLines's order.
 */
export function mergeSnapshotLicence(a: SnapshotLicence, b: SnapshotLicence): SnapshotLicence {
  const groups = new Map(a.groups.map((group) => [groupKey(group), group]));
  for (const group of b.groups) {
    const key = groupKey(group);
    const before = groups.get(key);
    if (!before) {
      groups.set(key, group);
      continue;
    }
    const byBasis = Object.fromEntries(
      BASES.map((basis) => [basis, addFigure(before.byBasis[basis], group.byBasis[basis])]),
    ) as BasisFigures;
    const merged: SnapshotLicenceGroup = { ...before, total: addFigure(before.total, group.total), byBasis };
    if (before.vcpus !== undefined || group.vcpus !== undefined)
      merged.vcpus = (before.vcpus ?? 0) + (group.vcpus ?? 0);
    groups.set(key, merged);
  }
  return {
    version: VERSION,
    pvusPerVcpu: a.pvusPerVcpu,
    softwareUnknown: a.softwareUnknown + b.softwareUnknown,
    groups: [...groups.values()].sort(
      (x, y) =>
        x.productName.localeCompare(y.productName) ||
        (x.edition ?? "").localeCompare(y.edition ?? "") ||
        x.metric.localeCompare(y.metric),
    ),
  };
}

/**
 * A stored snapshot's licence figures; null when it has none: taken before snapshots kept them,
 * or their computation failed (the collector logs why). Null is a gap, never a zero.
 */
export function parseSnapshotLicence(text: string | null): SnapshotLicence | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<SnapshotLicence>;
    return parsed.version === VERSION && Array.isArray(parsed.groups) ? (parsed as SnapshotLicence) : null;
  } catch {
    return null;
  }
}
