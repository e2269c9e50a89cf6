import type { Metadata } from "next";
import { Suspense } from "react";
import { InventoryDataTable } from "@/components/inventory/inventory-data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { defaultColumns, facetValues, getColumnPreference } from "@/lib/inventory/query";

export const metadata: Metadata = { title: "EC2 instances" };

export default async function InstancesPage() {
  const user = await requireUser();
  const [facets, saved] = await Promise.all([facetValues("instances"), getColumnPreference(user.id, "instances")]);
  return (
    <>
      <PageHeader title="EC2 instances" description="Every EC2 instance with its platform, licence model, vCPUs and placement." />
      <Suspense>
        <InventoryDataTable type="instances" facets={facets} savedColumns={saved ?? defaultColumns("instances")} noun="Instances" />
      </Suspense>
    </>
  );
}
