"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { FacetValues, FilterKey, InventoryType } from "@/lib/inventory/query/types";
import { visibleText } from "./format";

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

type Props = {
  type: InventoryType;
  facets: FacetValues;
  values: Record<string, string>;
  includeRemoved: boolean;
  onChange(changes: Record<string, string | null>): void;
};

// Free text and tag on submit; facet dropdowns and the removed toggle apply at once.
export function InventoryFilters({ type, facets, values, includeRemoved, onChange }: Props) {
  const [q, setQ] = useState(values.q ?? "");
  const [tag, setTag] = useState(values.tag ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: q.trim() || null, tag: tag.trim() || null });
  };
  const facetKeys = (Object.keys(facets) as FilterKey[]).filter((key) => (facets[key]?.length ?? 0) > 0 || values[key]);
  return (
    <div className="mb-4 space-y-3" data-testid={`${type}-filters`}>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Search
          <input
            type="search"
            name="q"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            placeholder="ID, name, tags…"
            className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Tag
          <input
            name="tag"
            value={tag}
            onChange={(event) => setTag(event.target.value)}
            placeholder="key=value"
            className="mt-1 w-44 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <label className="ml-2 flex items-center gap-2 self-center text-sm text-slate-700">
          <input type="checkbox" checked={includeRemoved} onChange={(event) => onChange({ includeRemoved: event.target.checked ? "true" : null })} />
          Include removed
        </label>
      </form>
      <div className="flex flex-wrap items-end gap-2">
        {facetKeys.map((key) => {
          const options = facets[key] ?? [];
          const current = values[key] ?? "";
          return (
            <label key={key} className="flex flex-col text-xs font-medium text-slate-600">
              {LABELS[key]}
              <select
                aria-label={LABELS[key]}
                name={key}
                value={current}
                onChange={(event) => onChange({ [key]: event.target.value || null })}
                className="mt-1 max-w-52 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                <option value="">All</option>
                {current && !options.some((option) => option.value === current) && <option value={current}>{visibleText(current)}</option>}
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {visibleText(option.label)}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </div>
  );
}
