import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { InventoryDataTable } from "@/components/inventory/inventory-data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { defaultColumns, facetValues, getColumnPreference } from "@/lib/inventory/query";

export const metadata: Metadata = { title: "RDS databases" };

export default async function DatabasesPage() {
  const user = await requireUser();
  const [facets, saved] = await Promise.all([facetValues("databases"), getColumnPreference(user.id, "databases")]);
  return (
    <>
      <PageHeader title="RDS databases" description="RDS DB instances with engine, edition, licence model, class and vCPUs." actions={
          <>
            <Link href="/inventory/databases?engine=oracle-*" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Oracle
            </Link>
            <Link href="/inventory/databases" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
              All engines
            </Link>
          </>
        } />
      <Suspense>
        <InventoryDataTable type="databases" facets={facets} savedColumns={saved ?? defaultColumns("databases")} noun="Databases" />
      </Suspense>
    </>
  );
}
