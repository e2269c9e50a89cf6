import type { Metadata } from "next";
import { Suspense } from "react";
import { InventoryDataTable } from "@/components/inventory/inventory-data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { defaultColumns, facetValues, getColumnPreference } from "@/lib/inventory/query";

export const metadata: Metadata = { title: "Reserved instances" };

export default async function ReservedInstancesPage() {
  const user = await requireUser();
  const [facets, saved] = await Promise.all([facetValues("reserved-instances"), getColumnPreference(user.id, "reserved-instances")]);
  return (
    <>
      <PageHeader title="Reserved instances" description="EC2 reservations with their type, count, scope, product, tenancy and term." />
      <Suspense>
        <InventoryDataTable type="reserved-instances" facets={facets} savedColumns={saved ?? defaultColumns("reserved-instances")} noun="Reserved instances" />
      </Suspense>
    </>
  );
}
