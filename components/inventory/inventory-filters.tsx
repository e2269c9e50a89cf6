"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { FacetValues, FilterKey, InventoryType } from "@/lib/inventory/query/types";
import { FacetFilter } from "./facet-filter";

const LABELS: Record<FilterKey, string> = {
  connection: "Connection",
  account: "Account",
  region: "Region",
  state: "State",
  instanceType: "Type / class",
  licensedProduct: "Product",
  licenceModel: "Licence model",
  tenancy: "Tenancy",
  engine: "Engine",
  tag: "Tag",
};

export type FilterChanges = Record<string, string | string[] | null>;

type Props = {
  type: InventoryType;
  facets: FacetValues;
  /** Each filter's values in the URL (a repeated parameter holds several). */
  values: Record<string, string[]>;
  includeRemoved: boolean;
  staleOnly: boolean;
  onChange(changes: FilterChanges): void;
};

// Free text and tag on submit; the facet menus and the two status toggles apply at once.
export function InventoryFilters({ type, facets, values, includeRemoved, staleOnly, onChange }: Props) {
  const q = values.q?.[0] ?? "";
  const tag = values.tag?.[0] ?? "";
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onChange({ q: String(form.get("q") ?? "").trim() || null, tag: String(form.get("tag") ?? "").trim() || null });
  };
  const facetKeys = (Object.keys(facets) as FilterKey[]).filter(
    (key) => (facets[key]?.length ?? 0) > 0 || values[key]?.length,
  );
  return (
    <div className="mb-3 space-y-2" data-testid={`${type}-filters`}>
      {/* Keyed by the applied text, so a preset link or Back puts its text in the boxes. */}
      <form key={`${q}\u0000${tag}`} onSubmit={submit} className="flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Search
          <input
            type="search"
            name="q"
            defaultValue={q}
            placeholder="ID, name, tags…"
            className="mt-1 w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Tag
          <input
            name="tag"
            defaultValue={tag}
            placeholder="key=value"
            className="mt-1 w-40 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <Toggle
          label="Include removed"
          checked={includeRemoved}
          onChange={(checked) => onChange({ includeRemoved: checked ? "true" : null })}
        />
        <Toggle
          label="Stale only"
          checked={staleOnly}
          onChange={(checked) => onChange({ stale: checked ? "true" : null })}
        />
      </form>
      <div className="flex flex-wrap items-center gap-2">
        {facetKeys.map((key) => (
          <FacetFilter
            key={key}
            label={LABELS[key]}
            options={facets[key] ?? []}
            selected={values[key] ?? []}
            onChange={(next) => onChange({ [key]: next })}
          />
        ))}
      </div>
    </div>
  );
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="ml-1 flex items-center gap-2 self-center text-sm text-slate-700">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
