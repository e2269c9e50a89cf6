// Inventory filters (GetInventory, ListInventoryEntries): Key "TypeName.Attribute", Values, and
// Type Equal | NotEqual | BeginWith | LessThan | GreaterThan | Exists (aggregators only).
import { ApiError } from "../../protocols/errors";
import { validationError } from "./common";
import { isKnownTypeName, SERVED_TYPES } from "./inventory-data";

export interface InventoryFilter {
  typeName: string;
  attribute: string;
  values: string[];
  op: "Equal" | "NotEqual" | "BeginWith" | "LessThan" | "GreaterThan";
}

const OPS = ["Equal", "NotEqual", "BeginWith", "LessThan", "GreaterThan", "Exists"];

const invalidFilter = (message: string) => new ApiError("InvalidFilter", message, 400);

/**
 * Parses and checks the request's Filters. `defaultType` lets ListInventoryEntries, whose
 * request names one type, take bare attribute names as well.
 */
export function parseInventoryFilters(raw: unknown, defaultType?: string): InventoryFilter[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ApiError("SerializationException", "Filters must be a list.", 400);
  if (raw.length < 1 || raw.length > 5)
    throw validationError(`Value at 'filters' failed to satisfy constraint: Member must have length between 1 and 5`);
  return raw.map((f: { Key?: unknown; Values?: unknown; Type?: unknown }) => {
    const key = typeof f.Key === "string" ? f.Key : "";
    const dot = key.lastIndexOf(".");
    const typeName = dot > 0 ? key.slice(0, dot) : (defaultType ?? "");
    const attribute = dot > 0 ? key.slice(dot + 1) : key;
    if (!typeName || !attribute) throw invalidFilter(`The filter key ${key} isn't valid.`);
    if (!isKnownTypeName(typeName))
      throw new ApiError("InvalidTypeNameException", `${typeName} is not a valid inventory type.`, 400);
    if (defaultType && typeName !== defaultType)
      throw invalidFilter(`The filter key ${key} does not belong to the type ${defaultType}.`);
    const served = SERVED_TYPES[typeName];
    if (served && !served.attributes.includes(attribute))
      throw invalidFilter(`The attribute ${attribute} isn't valid for the type ${typeName}.`);
    const values = f.Values;
    if (!Array.isArray(values) || values.length < 1 || values.length > 40 || values.some((v) => typeof v !== "string"))
      throw validationError(
        `Value at 'filters.member.values' failed to satisfy constraint: Member must have length between 1 and 40`,
      );
    const op = f.Type === undefined ? "Equal" : String(f.Type);
    if (!OPS.includes(op))
      throw validationError(
        `Value '${op}' at 'filters.member.type' failed to satisfy enum value set: [${OPS.join(", ")}]`,
      );
    if (op === "Exists") throw invalidFilter("The Exists filter type can only be used with aggregators.");
    return { typeName, attribute, values: values as string[], op: op as InventoryFilter["op"] };
  });
}

/** Numbers compare as numbers (CPUCores, InstalledTime stays a string compare), else as text. */
function compare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether one inventory row satisfies the filter. */
export function rowMatches(row: Record<string, string>, f: InventoryFilter): boolean {
  const value = row[f.attribute];
  if (value === undefined) return false;
  switch (f.op) {
    case "Equal":
      return f.values.includes(value);
    case "NotEqual":
      return !f.values.includes(value);
    case "BeginWith":
      return f.values.some((v) => value.startsWith(v));
    case "LessThan":
      return f.values.some((v) => compare(value, v) < 0);
    case "GreaterThan":
      return f.values.some((v) => compare(value, v) > 0);
  }
}
