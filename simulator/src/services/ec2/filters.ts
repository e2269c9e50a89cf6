// EC2 filters: `Filter.N.Name` with values that may hold `*` / `?` wildcards. Each resource
// type maps filter names to the values an item has; an unknown filter name is an error, as on AWS.
import { globMatch } from "../../auth/policy";
import { ApiError } from "../../protocols/errors";
import type { Filter } from "../../protocols/params";
import type { Tag } from "../../world/types";

/** Values of the named filter on an item; undefined when the filter name is not supported. */
export type FilterValues<T> = (item: T, name: string) => (string | undefined)[] | undefined;

export function tagValues(tags: Tag[] | undefined, name: string): string[] | undefined {
  const list = tags ?? [];
  if (name.startsWith("tag:")) return list.filter((t) => t.Key === name.slice(4)).map((t) => t.Value);
  if (name === "tag-key") return list.map((t) => t.Key);
  if (name === "tag-value") return list.map((t) => t.Value);
  return undefined;
}

export function applyFilters<T>(items: T[], filters: Filter[], values: FilterValues<T>, probe: T | undefined): T[] {
  if (filters.length === 0) return items;
  for (const f of filters) {
    // Validate names even when there is nothing to filter, like AWS.
    if (probe !== undefined && values(probe, f.name) === undefined)
      throw new ApiError("InvalidParameterValue", `The filter '${f.name}' is invalid`, 400);
    if (f.values.length === 0)
      throw new ApiError("InvalidParameterValue", `The filter '${f.name}' must have at least one value`, 400);
  }
  return items.filter((item) =>
    filters.every((f) => {
      const have = values(item, f.name) ?? [];
      return have.some((h) => h !== undefined && f.values.some((want) => globMatch(want, h)));
    }),
  );
}

export function checkMaxResults(value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (Number.isNaN(value) || value < min || value > max) {
    throw new ApiError(
      "InvalidParameterValue",
      `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`,
      400,
    );
  }
}

export function invalidToken(): ApiError {
  return new ApiError("InvalidPaginationToken", "The specified pagination token is not valid or is expired.", 400);
}
