import { Suspense, type ReactNode } from "react";
import { CoverageBanner } from "@/components/coverage/coverage-banner";
import { PageHeader } from "@/components/ui/page-header";
import { getCoverageGaps } from "@/lib/coverage";
import { defaultColumns, facetValues, getColumnPreference, RESOURCE_TYPE_OF, type InventoryType } from "@/lib/inventory/query";
import { InventoryDataTable } from "./inventory-data-table";

type Props = { type: InventoryType; userId: string; title: string; description: string; noun: string; actions?: ReactNode };

// The body of every inventory page (the page itself checks the user): header, the scopes of its
// type no connection could read (banner), the filter dropdowns' values and the user's saved
// columns, then the table.
export async function InventoryPage({ type, userId, title, description, noun, actions }: Props) {
  const [facets, saved, coverage] = await Promise.all([facetValues(type), getColumnPreference(userId, type), getCoverageGaps({ resourceTypes: [RESOURCE_TYPE_OF[type]] })]);
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <CoverageBanner coverage={coverage} className="mb-4" />
      <Suspense>
        <InventoryDataTable type={type} facets={facets} savedColumns={saved ?? defaultColumns(type)} noun={noun} />
      </Suspense>
    </>
  );
}
