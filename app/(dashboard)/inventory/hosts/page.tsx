import type { Metadata } from "next";
import { Suspense } from "react";
import { InventoryDataTable } from "@/components/inventory/inventory-data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { defaultColumns, facetValues, getColumnPreference } from "@/lib/inventory/query";

export const metadata: Metadata = { title: "Dedicated hosts" };

export default async function HostsPage() {
  const user = await requireUser();
  const [facets, saved] = await Promise.all([facetValues("hosts"), getColumnPreference(user.id, "hosts")]);
  return (
    <>
      <PageHeader title="Dedicated hosts" description="Dedicated hosts with their sockets, cores, vCPUs and the instances placed on them." />
      <Suspense>
        <InventoryDataTable type="hosts" facets={facets} savedColumns={saved ?? defaultColumns("hosts")} noun="Dedicated hosts" />
      </Suspense>
    </>
  );
}
