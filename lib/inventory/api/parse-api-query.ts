import { z } from "zod";
import { ValidationError, type FieldErrors } from "../../errors";
import { parseInventoryQuery } from "../query/schemas";
import type { InventoryQuery, InventoryType } from "../query/types";

export const API_DEFAULT_LIMIT = 100;
export const API_MAX_LIMIT = 1000;

// The query of /api/v1 lists and exports as the API reports it back: no page numbers there. A
// filter given once reads back as its value, one given several times as the list of them (as
// most query-string parsers read them), so scripts written for single values keep working.
export type ApiQuery = Pick<InventoryQuery, "sort" | "order" | "includeRemoved"> & {
  filters: Record<string, string | string[]>;
  stale?: boolean | null;
};

const limitSchema = z.coerce.number().int().min(1).max(API_MAX_LIMIT).default(API_DEFAULT_LIMIT);

// The UI's filters and sort (parseInventoryQuery) plus keyset paging. `page`/`pageSize` are the
// UI's offset paging: dropped, so a link copied from the table works here unchanged.
export function parseApiQuery(
  type: InventoryType,
  params: URLSearchParams,
): { query: InventoryQuery; limit: number; cursor: string | null } {
  const rest = new URLSearchParams(params);
  for (const key of ["page", "pageSize", "limit", "cursor", "format"]) rest.delete(key);
  const fieldErrors: FieldErrors = {};
  let query: InventoryQuery | null = null;
  try {
    query = parseInventoryQuery(type, rest);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(fieldErrors, error.fieldErrors);
  }
  const limit = limitSchema.safeParse(params.get("limit")?.trim() || undefined);
  if (!limit.success) fieldErrors.limit = [`A whole number from 1 to ${API_MAX_LIMIT}`];
  if (!query || !limit.success) throw new ValidationError("Invalid inventory query", fieldErrors);
  return { query, limit: limit.data, cursor: params.get("cursor")?.trim() || null };
}

export function apiQueryOf(query: InventoryQuery): ApiQuery {
  const filters = Object.fromEntries(
    Object.entries(query.filters).map(([key, value]) => [
      key,
      Array.isArray(value) && value.length === 1 ? value[0] : value!,
    ]),
  );
  return { filters, sort: query.sort, order: query.order, includeRemoved: query.includeRemoved, stale: query.stale };
}
