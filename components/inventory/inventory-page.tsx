import { Suspense, type ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { defaultColumns, facetValues, getColumnPreference, type InventoryType } from "@/lib/inventory/query";
import { InventoryDataTable } from "./inventory-data-table";

type Props = { type: InventoryType; userId: string; title: string; description: string; noun: string; actions?: ReactNode };

// The body of every inventory page (the page itself checks the user): header, the filter
// dropdowns' values and the user's saved columns, then the table.
export async function InventoryPage({ type, userId, title, description, noun, actions }: Props) {
  const [facets, saved] = await Promise.all([facetValues(type), getColumnPreference(userId, type)]);
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <Suspense>
        <InventoryDataTable type={type} facets={facets} savedColumns={saved ?? defaultColumns(type)} noun={noun} />
      </Suspense>
    </>
  );
}
