import "server-only";
import { getCoverageGaps, type CoverageSummary } from "../../coverage";
import { resourceTypeOf } from "../../resources/registry";
import type { InventoryQuery, InventoryType } from "../query/types";

// The scopes behind a list or export that could not be read (or were excluded), narrowed like
// the rows: the type's resource type, and the connection, account and region filters (any of
// their values).
export function coverageOf(type: InventoryType, query: Pick<InventoryQuery, "filters">): Promise<CoverageSummary> {
  const { connection, account, region } = query.filters;
  return getCoverageGaps({ resourceTypes: [resourceTypeOf(type)], connectionId: connection, account, region });
}
