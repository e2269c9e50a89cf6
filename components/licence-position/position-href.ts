import type { Basis } from "@/lib/licensing/engine/types";
import type { PositionGroup } from "@/lib/inventory/licence-position/types";

// The drill-down link of a figure: the same filters the API and exports take (filters.ts).
const NO_EDITION = "unrecognised";

export function linesHref(
  group: Pick<PositionGroup, "product" | "edition" | "metric">,
  narrow: { basis?: Basis; account?: string } = {},
): string {
  const params = new URLSearchParams({
    product: group.product,
    edition: group.edition ?? NO_EDITION,
    metric: group.metric,
  });
  if (narrow.basis) params.set("basis", narrow.basis);
  if (narrow.account) params.set("account", narrow.account);
  return `/licence-position?${params}`;
}
