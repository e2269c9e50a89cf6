import type { LineFilter } from "@/lib/inventory/licence-position/filters";
import { PRODUCT_NAMES, type ProductId } from "@/lib/licensing";

const NO_EDITION = "unrecognised";
const either = (values: string[] | undefined) => values?.join(" or ") ?? "";

/** A filter value as a person reads it: product names for ids, "not recognised" for the no-edition value. */
export function filterValueLabel(key: keyof LineFilter, value: string): string {
  if (key === "product") return PRODUCT_NAMES[value as ProductId] ?? value;
  if (key === "edition" && value === NO_EDITION) return "not recognised";
  return value;
}

/**
 * The heading of a drill-down view, from its filters: "Microsoft SQL Server Standard: BYOL core
 * licences", "IBM MQ: PVUs in 333333333333", "All products: licence included lines".
 */
export function linesTitle(filter: LineFilter): string {
  const product = either(filter.product?.map((v) => filterValueLabel("product", v)));
  const edition = filter.edition?.length
    ? filter.edition.map((v) => (v === NO_EDITION ? "(edition not recognised)" : v)).join(" or ")
    : "";
  const subject = [product || (edition ? "" : "All products"), edition].filter(Boolean).join(" ");
  const basis = either(filter.basis);
  const metric = either(filter.metric);
  const what = metric ? [basis, metric].filter(Boolean).join(" ") : basis ? `${basis} lines` : "all lines";
  const where = filter.account?.length ? ` in ${either(filter.account)}` : "";
  return `${subject}: ${what}${where}`;
}
