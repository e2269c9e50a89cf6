import { RECOGNITION_RULES } from "@/lib/licensing";

// Products whose recognition rules can name an edition. For the others (IBM MQ, RHEL...) a line
// has no edition by nature: "not recognised" would read as a gap where there is none.
const WITH_EDITIONS = new Set<string>(RECOGNITION_RULES.filter((r) => r.edition !== null).map((r) => r.product));

export const hasEditions = (product: string) => WITH_EDITIONS.has(product);

/** The edition as a table shows it: its name, "not recognised" (muted) or a dash for products without editions. */
export function EditionLabel({ product, edition }: { product: string; edition: string | null }) {
  if (edition !== null) return <>{edition}</>;
  if (!hasEditions(product)) return <span className="text-slate-500">—</span>;
  return <span className="text-slate-500">not recognised</span>;
}

/** "Microsoft SQL Server Standard", "IBM MQ", "Windows Server (edition not recognised)". */
export function productEditionName(productName: string, product: string, edition: string | null): string {
  if (edition !== null) return `${productName} ${edition}`;
  return hasEditions(product) ? `${productName} (edition not recognised)` : productName;
}
