// What free-text search (q) reads for a stored row: every value of its mapped fields (the `data`
// JSON: ids, names, addresses, types, tag values...) and its tag keys, one per line. Not the
// JSON's field names or punctuation: a search for "state" should not match every row, and the
// trigram index over this text is 40 % of the JSON's size and half its cost per write
// (1,000 -> 410 characters per instance in bench:inventory's world).
//
// The migration that added the column computes the same text in SQL for rows stored before it
// (prisma/*/migrations/20261207021000_search_indexes); keep the two in step.

const TAGS = "tags";

/** The search text of a row as its `data` JSON holds it (`raw` is never part of it). */
export function searchTextOf(row: object): string {
  const lines: string[] = [];
  collect(row, lines, true);
  return lines.join("\n");
}

function collect(value: unknown, lines: string[], top = false): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string") lines.push(value);
  else if (typeof value === "number" || typeof value === "boolean") lines.push(String(value));
  else if (value instanceof Date) lines.push(value.toISOString());
  else if (Array.isArray(value)) for (const item of value) collect(item, lines);
  else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (top && key === "raw") continue;
      if (top && key === TAGS && item && typeof item === "object" && !Array.isArray(item)) {
        // A tag's key then its value: free text finds tags by key too.
        for (const [tagKey, tagValue] of Object.entries(item)) {
          lines.push(tagKey);
          collect(tagValue, lines);
        }
      } else collect(item, lines);
    }
  }
}
