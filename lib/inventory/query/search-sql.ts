import type { TypeConfig } from "./config";
import { and, escapeLike, ident, or, sql, type Dialect, type Sql } from "./sql";

// Free text (q), read through trigram indexes built for substring search over
// each row's searchText (the values of its data and its tag keys, one per line:
// lib/resources/search-text.ts; migration 20261207021000_search_indexes): on SQLite an FTS5
// table "<Table>Search", kept in step by triggers on every write; on PostgreSQL a pg_trgm GIN
// index, which the planner uses for LIKE / ILIKE '%...%' by itself.
//
// On SQLite the index only proposes candidates and the same LIKE a full scan would run decides:
// a search finds exactly what a scan finds. FTS5 answers LIKE from the index only without an
// ESCAPE clause, so the candidates' pattern keeps the text's literal pieces and lets LIKE's
// wildcard characters (% _) and the escape character match anything: a superset. Trigrams need
// 3 characters; text without such a piece is a scan.

const MIN_TRIGRAM_LENGTH = 3;

function candidates(config: Pick<TypeConfig, "table">, texts: string[]): Sql[] {
  const pieces = texts.flatMap((text) => text.split(/[%_\\]+/)).filter(Boolean);
  if (!pieces.some((piece) => [...piece].length >= MIN_TRIGRAM_LENGTH)) return [];
  const search = ident(`${config.table}Search`);
  const pattern = `%${pieces.join("%")}%`;
  return [sql`${ident(config.table)}.rowid IN (SELECT rowid FROM ${search} WHERE "searchText" LIKE ${pattern})`];
}

/** q: the text within any value of the row (or a tag key), ignoring case (SQLite: ASCII letters only). */
export function textSearchSql(dialect: Dialect, config: TypeConfig, text: string): Sql {
  const pattern = `%${escapeLike(text)}%`;
  if (dialect === "postgresql") return sql`"searchText" ILIKE ${pattern} ESCAPE '\\'`;
  return and([...candidates(config, [text]), sql`"searchText" LIKE ${pattern} ESCAPE '\\'`]);
}

// Tags: an exact lookup in the InventoryTag index (key, value, row id), which the collector
// writes with every row (lib/resources/tag-rows.ts). Key and value compare exactly and
// case-sensitively, as AWS tags do. The first "=" separates key from value.
function splitTag(tag: string) {
  const [key, ...rest] = tag.split("=");
  return { key: key.trim(), value: rest.join("=").trim() };
}

/** Any of the tags (key=value). */
export function tagSearchSql(tags: string[]): Sql {
  return or(
    tags.map((tag) => {
      const { key, value } = splitTag(tag);
      return sql`"id" IN (SELECT "rowId" FROM "InventoryTag" WHERE "key" = ${key} AND "value" = ${value})`;
    }),
  );
}
