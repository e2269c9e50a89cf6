// The tag filter's index rows for one stored row: one (row id, key, value) per tag of its `data`
// (what tagsOf wrote: string keys and values). The InventoryTag table holds them so a filter on
// key=value is an exact index lookup instead of a text search of every row's JSON; the
// collector writes them with the row (lib/collector/store/reconcile-plan.ts), and migration
// 20261207070000_inventory_tags computed them in SQL for rows stored before.

export type TagRow = { rowId: string; key: string; value: string };

/** The tags of a row as its `data` holds them, or null when it has none (not an object). */
export function tagsIn(data: object): Record<string, unknown> | null {
  const tags = (data as { tags?: unknown }).tags;
  return tags && typeof tags === "object" && !Array.isArray(tags) ? (tags as Record<string, unknown>) : null;
}

export function tagRowsOf(rowId: string, data: object): TagRow[] {
  const rows: TagRow[] = [];
  for (const [key, value] of Object.entries(tagsIn(data) ?? {}))
    if (typeof value === "string") rows.push({ rowId, key, value });
  return rows;
}

/** Whether two rows' tags differ (their rows must be rewritten). */
export function tagsDiffer(before: object, after: object): boolean {
  return JSON.stringify(tagsIn(before)) !== JSON.stringify(tagsIn(after));
}
