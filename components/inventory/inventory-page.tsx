import Link from "next/link";
import { Suspense } from "react";
import { CoverageBanner } from "@/components/coverage/coverage-banner";
import { PageHeader } from "@/components/ui/page-header";
import { getCoverageGaps } from "@/lib/coverage";
import { defaultColumns, facetValues, getColumnPreference, type InventoryType } from "@/lib/inventory/query";
import { inventoryHref, resourceBySlug } from "@/lib/resources/registry";
import type { ResourceType } from "@/lib/resources/rows";
import { InventoryDataTable } from "./inventory-data-table";

type Props = { type: InventoryType; userId: string };

// The body of every inventory page (the page itself checks the user): header and preset links
// from the type's definition, the scopes of its type no connection could read (banner), the
// filter dropdowns' values and the user's saved columns, then the table.
export async function InventoryPage({ type, userId }: Props) {
  const definition = resourceBySlug(type);
  const presets = definition.table.presets ?? [];
  const [facets, saved, coverage] = await Promise.all([
    facetValues(type),
    getColumnPreference(userId, type),
    getCoverageGaps({ resourceTypes: [definition.type] }),
  ]);
  return (
    <>
      <PageHeader
        title={definition.labels.title}
        description={definition.labels.description}
        actions={presets.length > 0 ? <Presets type={definition.type} presets={presets} /> : undefined}
      />
      <CoverageBanner coverage={coverage} className="mb-4" />
      <Suspense>
        <InventoryDataTable
          type={type}
          facets={facets}
          savedColumns={saved ?? defaultColumns(type)}
          noun={definition.labels.noun}
        />
      </Suspense>
    </>
  );
}

// A preset with a query is a saved view; the one without is the way back to every row.
function Presets({ type, presets }: { type: ResourceType; presets: readonly { label: string; query: string }[] }) {
  return (
    <>
      {presets.map(({ label, query }) => (
        <Link
          key={label}
          href={inventoryHref(type, query)}
          className={
            query
              ? "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
              : "rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
          }
        >
          {label}
        </Link>
      ))}
    </>
  );
}
