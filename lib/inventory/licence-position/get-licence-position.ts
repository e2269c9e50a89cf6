import "server-only";
import { getCoverageGaps, type CoverageSummary } from "@/lib/coverage";
import { getEnv } from "@/lib/env";
import type { ResourceType } from "@/lib/resources/rows";
import { aggregateLines, buildLines, loadEstate } from "@/lib/licensing/estate";
import { filterLines, filterSoftwareUnknown, type LineFilter } from "./filters";
import type { LicenceLineRow, LicencePosition } from "./types";

// Every resource type the figures rest on: a gap in any of them may hide licences.
const POSITION_TYPES: ResourceType[] = [
  "ec2-instance",
  "dedicated-host",
  "rds-db-instance",
  "managed-node",
  "installed-software",
];

export type LicencePositionView = LicencePosition & { lines: LicenceLineRow[]; filter: LineFilter };

/**
 * The licence position of the current inventory, narrowed by the filter: the matching requirement
 * lines, their sums per product + edition + metric, and the instances whose software is unknown.
 * Computed on read, so it is right between runs and follows the rule parameters as they are now.
 */
export async function getLicencePosition({
  now = new Date(),
  filter = {},
}: { now?: Date; filter?: LineFilter } = {}): Promise<LicencePositionView> {
  const staleDays = getEnv().SOFTWARE_STALE_DAYS;
  const { lines, softwareUnknown } = buildLines(await loadEstate(), { now, staleDays });
  const shown = filterLines(lines, filter);
  return {
    generatedAt: now.toISOString(),
    softwareStaleDays: staleDays,
    groups: aggregateLines(shown),
    softwareUnknown: filterSoftwareUnknown(softwareUnknown, filter),
    lines: shown,
    filter,
  };
}

/** The scopes behind the position that no connection could read, narrowed by the account filter. */
export function getLicencePositionCoverage(filter: LineFilter = {}): Promise<CoverageSummary> {
  return getCoverageGaps({ resourceTypes: POSITION_TYPES, account: filter.account });
}
