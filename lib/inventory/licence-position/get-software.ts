import "server-only";
import { getEnv } from "@/lib/env";
import { loadEstate } from "@/lib/licensing/estate";
import { filterLines, type LineFilter } from "./filters";
import { softwareRows, type SoftwareRow } from "./software-rows";

/** The Software view: recognised products per instance, narrowed by product, edition and account. */
export async function getSoftware({ now = new Date(), filter = {} }: { now?: Date; filter?: LineFilter } = {}) {
  const rows = softwareRows(await loadEstate(), { now, staleDays: getEnv().SOFTWARE_STALE_DAYS });
  // The line filter's product, edition and account rules apply as they are (no metric or basis here).
  const narrowed: SoftwareRow[] = filterLines(rows, {
    product: filter.product,
    edition: filter.edition,
    account: filter.account,
  });
  return { generatedAt: now.toISOString(), filter, rows: narrowed };
}
