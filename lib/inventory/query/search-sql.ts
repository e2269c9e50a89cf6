import type { TypeConfig } from "./config";
import { and, escapeLike, ident, or, sql, type Dialect, type Sql } from "./sql";

// Free text (q), read through trigram indexes built for substring search over
// each row's searchText (the values of its data and its tag keys, one per line:
// lib/resources/search-text.ts; migration 20261207021000_search_indexes): on SQLite an FTS5
// table "<Table>Search", kept in step by triggers on every write; on PostgreSQL a pg_trgm GIN
// index, which the planner uses for LIKE / ILIKE '%...%' by itself.
//
// On SQLite the index only proposes candidates and the same LIKE a full scan would run decides:
// a search finds exactly what a scan finds. The candidates are the rows holding every trigram of
// the text's literal pieces (LIKE's wildcard characters % _ and the escape character split it),
// asked as an FTS5 query ("sql" AND "qle" AND ...): a superset. Asking the FTS5 table for LIKE
// instead re-checked every candidate against its row's text (read from the table, then read
// again by the LIKE here): q=sqlent at 1M instances, 40,799 candidates, took 450-1,120 ms for
// the candidates alone, 20-35 ms this way; CC-1003 890 ms -> 68 ms. Trigrams need 3 characters;
// text without such a piece is a scan.

const MIN_TRIGRAM_LENGTH = 3;

function candidates(config: Pick<TypeConfig, "table">, texts: string[]): Sql[] {
  const pieces = texts.flatMap((text) => text.split(/[%_\\]+/));
  const trigrams = new Set(pieces.flatMap(trigramsOf));
  if (!trigrams.size) return [];
  const search = ident(`${config.table}Search`);
  // Each trigram a quoted string (quotes doubled), so no character is read as query syntax.
  const query = [...trigrams].map((trigram) => `"${trigram.replace(/"/g, '""')}"`).join(" AND ");
  return [sql`${ident(config.table)}.rowid IN (SELECT rowid FROM ${search} WHERE ${search} MATCH ${query})`];
}

// Every run of 3 characters (code points, as the trigram tokenizer counts them) of `text`.
function trigramsOf(text: string): string[] {
  const characters = [...text];
  const trigrams: string[] = [];
  for (let start = 0; start + MIN_TRIGRAM_LENGTH <= characters.length; start++)
    trigrams.push(characters.slice(start, start + MIN_TRIGRAM_LENGTH).join(""));
  return trigrams;
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
