import type { Metadata } from "next";
import Link from "next/link";
import { SoftwareTable } from "@/components/licence-position/software-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { ValidationError } from "@/lib/errors";
import { getSoftware, parseLineFilter, type LineFilter } from "@/lib/inventory/licence-position";
import { PRODUCT_NAMES, type ProductId } from "@/lib/licensing";

export const metadata: Metadata = { title: "Software" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Licensable products SSM Inventory found, per instance, with the facts each was recognised from;
// ?product=, ?edition= and ?account= narrow it. Viewers and admins.
export default async function SoftwarePage({ searchParams }: Props) {
  await requireUser();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams))
    for (const v of [value ?? []].flat()) params.append(key, v);
  let filter: LineFilter = {};
  try {
    filter = parseLineFilter(params);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
  }
  const [all, view] = await Promise.all([getSoftware(), getSoftware({ filter })]);
  const counts = new Map<string, number>();
  for (const row of all.rows) counts.set(row.product, (counts.get(row.product) ?? 0) + 1);
  const current = filter.product?.[0];
  return (
    <>
      <PageHeader
        title="Software"
        description="Licensable products found on instances by SSM Inventory, with the facts each was recognised from. Instances SSM cannot see are on the Licence position page under Software unknown."
      />
      <nav aria-label="Products" className="mb-4 flex flex-wrap gap-2 text-sm" data-testid="software-products">
        <FilterLink href="/software" active={!current} label={`All (${all.rows.length})`} />
        {[...counts].map(([product, count]) => (
          <FilterLink
            key={product}
            href={`/software?product=${encodeURIComponent(product)}`}
            active={current === product}
            label={`${PRODUCT_NAMES[product as ProductId] ?? product} (${count})`}
          />
        ))}
      </nav>
      {view.rows.length === 0 ? (
        <EmptyState title="No licensable software found">
          No collected instance reports a product the recognition rules know.
        </EmptyState>
      ) : (
        <SoftwareTable rows={view.rows} />
      )}
    </>
  );
}

function FilterLink({ href, active, label }: { href: string; active: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-full border px-3 py-0.5 ${active ? "border-brand-700 bg-brand-50 font-medium text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
    >
      {label}
    </Link>
  );
}
