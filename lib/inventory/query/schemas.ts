import { z } from "zod";
import { ValidationError, type FieldErrors } from "../../errors";
import { ALL_COLUMNS } from "./columns";
import { TYPE_CONFIG, supportedFilters } from "./config";
import {
  FILTER_KEYS,
  INVENTORY_TYPES,
  type FilterKey,
  type InventoryFilters,
  type InventoryQuery,
  type InventoryType,
} from "./types";

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

// Filter text is compared in the database: PostgreSQL refuses NUL in text (a 500, not a 400),
// and no identifier, name or tag value AWS returns holds a control character.
const NO_CONTROLS = /^[^\u0000-\u001F\u007F]*$/;
const noControls = "No control characters";
const text = z.string().trim().min(1).max(200).regex(NO_CONTROLS, noControls).optional();
const flag = z.enum(["true", "false", "1", "0"]).optional();

// A filter repeated in the URL matches any of its values (the table's multi-selects). Capped so
// one request cannot ask for an unbounded IN list; a person ticking boxes never gets near it.
export const MAX_FILTER_VALUES = 100;
const filterValue = z.string().trim().min(1).max(200).regex(NO_CONTROLS, noControls);
const tagValue = z
  .string()
  .trim()
  .max(300)
  .regex(/^[^=]+=.*$/, "Use key=value")
  .regex(NO_CONTROLS, noControls);

const baseSchema = z.object({
  q: text,
  sort: z.string().optional(),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  includeRemoved: flag,
  stale: flag,
});

const isTrue = (value: string | undefined) => value === "true" || value === "1";

// The one filter / sort / page model of the inventory: UI routes, the REST API and exports.
// Unknown parameters (e.g. the UI's `columns`) are ignored; empty values mean "no filter".
export function parseInventoryQuery(type: InventoryType, params: URLSearchParams): InventoryQuery {
  const input: Record<string, string> = {};
  for (const [key, value] of params)
    if (value.trim() !== "" && !(FILTER_KEYS as readonly string[]).includes(key)) input[key] = value;
  const parsed = baseSchema.safeParse(input);
  const fieldErrors: FieldErrors = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "query")] ??= []).push(issue.message);
  // Type-specific checks run on the raw input too, so one 400 lists every problem.
  const config = TYPE_CONFIG[type];
  const allowed = supportedFilters(type);
  const filters: InventoryFilters = {};
  if (input.q) filters.q = input.q.trim();
  for (const key of FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length === 0) continue;
    const problems = filterProblems(key, values, allowed.includes(key), type);
    if (problems.length) fieldErrors[key] = problems;
    else filters[key] = values;
  }
  const sort = input.sort ?? config.defaultSort;
  if (!config.sortable.includes(sort)) (fieldErrors.sort ??= []).push(`Sort by one of: ${config.sortable.join(", ")}`);
  if (!parsed.success || Object.keys(fieldErrors).length > 0)
    throw new ValidationError("Invalid inventory query", fieldErrors);
  const value = parsed.data;
  return {
    filters,
    sort,
    order: value.order,
    page: value.page,
    pageSize: value.pageSize,
    includeRemoved: isTrue(value.includeRemoved),
    stale: value.stale === undefined ? null : isTrue(value.stale),
  };
}

function filterProblems(key: FilterKey, values: string[], allowed: boolean, type: InventoryType): string[] {
  if (!allowed) return [`Not a filter of ${type}`];
  if (values.length > MAX_FILTER_VALUES) return [`At most ${MAX_FILTER_VALUES} values`];
  const schema = key === "tag" ? tagValue : filterValue;
  return [
    ...new Set(values.flatMap((value) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [])),
  ];
}

// The query back as URL parameters (defaults left out), for links and the API's self-description.
export function inventoryQueryToParams(query: Partial<InventoryQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query.filters ?? {}))
    for (const each of typeof value === "string" ? [value] : (value ?? [])) params.append(key, each);
  if (query.sort) params.set("sort", query.sort);
  if (query.order && query.order !== "asc") params.set("order", query.order);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(query.pageSize));
  if (query.includeRemoved) params.set("includeRemoved", "true");
  if (query.stale !== undefined && query.stale !== null) params.set("stale", String(query.stale));
  return params;
}

// The drawer's id (a stored row id or a resource id): anything else cannot match a row.
export const inventoryItemIdSchema = z.string().min(1).max(256).regex(NO_CONTROLS);

// The column chooser's input: a table and the ids of its columns to show (at least one).
export const columnPreferenceSchema = z
  .object({
    type: z.enum(INVENTORY_TYPES as [InventoryType, ...InventoryType[]]),
    columns: z.array(z.string().max(64)).min(1, "Choose at least one column").max(64),
  })
  .refine((value) => value.columns.every((id) => ALL_COLUMNS[value.type].includes(id)), {
    message: "Unknown column",
    path: ["columns"],
  });
