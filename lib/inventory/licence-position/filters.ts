import { z } from "zod";
import { ValidationError } from "../../errors";
import type { Basis } from "@/lib/licensing";
import { BASES } from "@/lib/licensing/estate/aggregate";
import type { SoftwareUnknownRow } from "./types";

// The drill-down filters of Licence position, shared by the page, the API and the exports, so a
// figure's link, its API query and its export name the same rows.

/** The edition filter's value for lines whose edition was not recognised. */
export const NO_EDITION = "unrecognised";
const MAX_VALUES = 50;

export type LineFilter = {
  product?: string[];
  edition?: string[];
  metric?: string[];
  basis?: Basis[];
  /** Account IDs or aliases (case-insensitive), like the inventory's account filter. */
  account?: string[];
};

const FILTER_KEYS = ["product", "edition", "metric", "basis", "account"] as const;
const values = z.array(z.string().trim().min(1).max(200)).max(MAX_VALUES).optional();
const schema = z.object({
  product: values,
  edition: values,
  metric: values,
  basis: z
    .array(z.enum(BASES as [Basis, ...Basis[]]))
    .max(BASES.length)
    .optional(),
  account: values,
});

/** The filters from a query string (repeat a parameter for any of several values); other parameters are left alone. */
export function parseLineFilter(params: URLSearchParams): LineFilter {
  const raw = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.getAll(key).filter((v) => v.trim()).length ? params.getAll(key) : undefined]),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    throw new ValidationError("Invalid licence position filter", fieldErrors);
  }
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as LineFilter;
}

/** The query string naming these filters (what a figure links to). */
export function lineFilterQuery(filter: LineFilter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) for (const value of filter[key] ?? []) params.append(key, value);
  return params.toString();
}

const inAccounts = (filter: LineFilter) => {
  const wanted = filter.account?.map((a) => a.toLowerCase());
  return (row: { accountId: string; accountAlias: string | null }) =>
    !wanted || wanted.some((a) => a === row.accountId || a === row.accountAlias?.toLowerCase());
};

type Filterable = {
  product: string;
  edition: string | null;
  accountId: string;
  accountAlias: string | null;
  metric?: string;
  basis?: string;
};

/** Requirement lines, or Software rows (which have no metric or basis), matching every filter given. */
export function filterLines<T extends Filterable>(lines: readonly T[], filter: LineFilter): T[] {
  const account = inAccounts(filter);
  return lines.filter(
    (line) =>
      (!filter.product || filter.product.includes(line.product)) &&
      (!filter.edition || filter.edition.includes(line.edition ?? NO_EDITION)) &&
      (!filter.metric || filter.metric.includes(line.metric ?? "")) &&
      (!filter.basis || filter.basis.includes(line.basis as Basis)) &&
      account(line),
  );
}

/** Software unknown is not per product: only the account filter narrows it. */
export function filterSoftwareUnknown(rows: readonly SoftwareUnknownRow[], filter: LineFilter): SoftwareUnknownRow[] {
  return rows.filter(inAccounts(filter));
}

export const hasLineFilter = (filter: LineFilter) => FILTER_KEYS.some((key) => filter[key]?.length);
