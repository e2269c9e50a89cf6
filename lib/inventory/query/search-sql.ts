import type { TypeConfig } from "./config";
import { and, escapeLike, ident, or, sql, type Dialect, type Sql } from "./sql";

// Free text (q) and tag filters, read through trigram indexes built for substring search
// (migration 20261207021000_search_indexes): on SQLite an FTS5 table "<Table>Search" over the
// columns q searches, kept in step by triggers on every write; on PostgreSQL pg_trgm GIN
// indexes, which the planner uses for LIKE / ILIKE '%...%' by itself.
//
// On SQLite the index only proposes candidates and the same LIKE a full scan would run decides:
// a search finds exactly what a scan finds. FTS5 answers LIKE from the index only without an
// ESCAPE clause, so the candidates' pattern keeps the text's literal pieces and lets LIKE's
// wildcard characters (% _) and the escape character match anything: a superset. Trigrams need
// 3 characters; text without such a piece is a scan.

const MIN_TRIGRAM_LENGTH = 3;

export const searchTableOf = (config: Pick<TypeConfig, "table">) => `${config.table}Search`;

/** The columns q looks in: the resource id, the name and the row's JSON (fields and tags). */
export const searchedColumns = (config: Pick<TypeConfig, "idColumn" | "nameColumn">) =>
  [config.idColumn, ...(config.nameColumn ? [config.nameColumn] : []), "data"] as const;

function candidates(config: Pick<TypeConfig, "table">, columns: readonly string[], text: string): Sql[] {
  const pieces = text.split(/[%_\\]+/).filter(Boolean);
  if (!pieces.some((piece) => [...piece].length >= MIN_TRIGRAM_LENGTH)) return [];
  const pattern = `%${pieces.join("%")}%`;
  const search = ident(searchTableOf(config));
  const anyColumn = or(columns.map((column) => sql`${ident(column)} LIKE ${pattern}`));
  return [sql`${ident(config.table)}.rowid IN (SELECT rowid FROM ${search} WHERE ${anyColumn})`];
}

/** q: the text anywhere in the id, name or JSON, ignoring case (SQLite: ASCII letters only). */
export function textSearchSql(dialect: Dialect, config: TypeConfig, text: string): Sql {
  const pattern = `%${escapeLike(text)}%`;
  const like = dialect === "postgresql" ? sql`ILIKE` : sql`LIKE`;
  const matches = or(searchedColumns(config).map((column) => sql`${ident(column)} ${like} ${pattern} ESCAPE '\\'`));
  return dialect === "postgresql" ? matches : and([...candidates(config, searchedColumns(config), text), matches]);
}

// Tags live in the `data` JSON (lib/resources/rows.ts writes it with JSON.stringify), so a
// key=value pair appears there verbatim as "key":"value"; quotes inside are escaped, so the
// pair cannot match across a key or value boundary. Case-sensitive, as AWS tags are.
export const tagNeedle = (tag: string) => {
  const [key, ...rest] = tag.split("=");
  return `${JSON.stringify(key.trim())}:${JSON.stringify(rest.join("=").trim())}`;
};

/** Any of the tags (key=value). */
export function tagSearchSql(dialect: Dialect, config: TypeConfig, tags: string[]): Sql {
  return or(
    tags
      .map(tagNeedle)
      .map((needle) =>
        dialect === "postgresql"
          ? sql`"data" LIKE ${`%${escapeLike(needle)}%`} ESCAPE '\\'`
          : and([...candidates(config, ["data"], needle), sql`instr("data", ${needle}) > 0`]),
      ),
  );
}
