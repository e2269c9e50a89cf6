import { z } from "zod";
import { ValidationError, type FieldErrors } from "../../errors";
import { ALL_COLUMNS } from "./columns";
import { TYPE_CONFIG, supportedFilters } from "./config";
import { FILTER_KEYS, INVENTORY_TYPES, type InventoryFilters, type InventoryQuery, type InventoryType } from "./types";

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

// Filter text is compared in the database: PostgreSQL refuses NUL in text (a 500, not a 400),
// and no identifier, name or tag value AWS returns holds a control character.
const NO_CONTROLS = /^[^\u0000-\u001F\u007F]*$/;
const noControls = "No control characters";
const text = z.string().trim().min(1).max(200).regex(NO_CONTROLS, noControls).optional();

const baseSchema = z.object({
  q: text,
  connection: text,
  account: text,
  region: text,
  state: text,
  instanceType: text,
  licensedProduct: text,
  licenceModel: text,
  tenancy: text,
  engine: text,
  tag: z.string().trim().max(300).regex(/^[^=]+=.*$/, "Use key=value").regex(NO_CONTROLS, noControls).optional(),
  sort: z.string().optional(),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  includeRemoved: z.enum(["true", "false", "1", "0"]).optional(),
});

// The one filter / sort / page model of the inventory: UI routes now, the REST API and exports
// later. Unknown parameters (e.g. the UI's `columns`) are ignored; empty values mean "no filter".
export function parseInventoryQuery(type: InventoryType, params: URLSearchParams): InventoryQuery {
  const input: Record<string, string> = {};
  for (const [key, value] of params) if (value.trim() !== "") input[key] = value;
  const parsed = baseSchema.safeParse(input);
  const fieldErrors: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "query")] ??= []).push(issue.message);
  // Type-specific checks run on the raw input too, so one 400 lists every problem.
  const config = TYPE_CONFIG[type];
  const allowed = supportedFilters(type);
  const filters: InventoryFilters = {};
  if (input.q) filters.q = input.q.trim();
  for (const key of FILTER_KEYS) {
    const filter = input[key];
    if (filter === undefined) continue;
    if (!allowed.includes(key)) (fieldErrors[key] ??= []).push(`Not a filter of ${type}`);
    else filters[key] = filter.trim();
  }
  const sort = input.sort ?? config.defaultSort;
  if (!config.sortable.includes(sort)) (fieldErrors.sort ??= []).push(`Sort by one of: ${config.sortable.join(", ")}`);
  if (!parsed.success || Object.keys(fieldErrors).length > 0) throw new ValidationError("Invalid inventory query", fieldErrors);
  const value = parsed.data;
  return {
    filters,
    sort,
    order: value.order,
    page: value.page,
    pageSize: value.pageSize,
    includeRemoved: value.includeRemoved === "true" || value.includeRemoved === "1",
  };
}

// The query back as URL parameters (defaults left out), for links and the API's self-description.
export function inventoryQueryToParams(query: Partial<InventoryQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query.filters ?? {})) if (value) params.set(key, value);
  if (query.sort) params.set("sort", query.sort);
  if (query.order && query.order !== "asc") params.set("order", query.order);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(query.pageSize));
  if (query.includeRemoved) params.set("includeRemoved", "true");
  return params;
}

// The drawer's id (a stored row id or a resource id): anything else cannot match a row.
export const inventoryItemIdSchema = z.string().min(1).max(256).regex(NO_CONTROLS);

// The column chooser's input: a table and the ids of its columns to show (at least one).
export const columnPreferenceSchema = z
  .object({ type: z.enum(INVENTORY_TYPES as [InventoryType, ...InventoryType[]]), columns: z.array(z.string().max(64)).min(1, "Choose at least one column").max(64) })
  .refine((value) => value.columns.every((id) => ALL_COLUMNS[value.type].includes(id)), { message: "Unknown column", path: ["columns"] });
