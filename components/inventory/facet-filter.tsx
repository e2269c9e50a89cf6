"use client";

import { useState } from "react";
import { visibleText } from "./format";
import { Popover } from "./popover";

type Option = { value: string; label: string };
type Props = { label: string; options: Option[]; selected: string[]; onChange(values: string[]): void };

// Above this many values the menu offers a box to narrow them (regions, instance types).
const SEARCHABLE = 8;

// One facet as a multi-select: tick any number of values, the table shows rows matching any
// of them. Each tick applies at once; the menu stays open for the next one.
export function FacetFilter({ label, options, selected, onChange }: Props) {
  const [needle, setNeedle] = useState("");
  // A value from the URL that no row holds any more (e.g. a preset's oracle-*) stays visible and removable.
  const all = [
    ...options,
    ...selected
      .filter((value) => !options.some((option) => option.value === value))
      .map((value) => ({ value, label: value })),
  ];
  const shown = needle ? all.filter((option) => option.label.toLowerCase().includes(needle.toLowerCase())) : all;
  const summary =
    selected.length === 0
      ? "All"
      : selected.length === 1
        ? visibleText(labelOf(all, selected[0]))
        : `${selected.length} selected`;
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((each) => each !== value));
  return (
    <Popover
      label={
        <span className="flex max-w-56 items-baseline gap-1">
          <span className="text-slate-600">{label}:</span>
          <span className={selected.length ? "truncate text-slate-900" : "truncate font-normal text-slate-600"}>
            {summary}
          </span>
        </span>
      }
      buttonClassName={selected.length ? "border-brand-600 bg-brand-50" : undefined}
      panelClassName="w-72 p-2"
    >
      <fieldset>
        <legend className="sr-only">{label}</legend>
        {all.length > SEARCHABLE && (
          <input
            type="search"
            aria-label={`Find a ${label.toLowerCase()}`}
            placeholder="Find…"
            value={needle}
            onChange={(event) => setNeedle(event.target.value)}
            className="mb-2 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        )}
        <div className="grid max-h-72 gap-0.5 overflow-y-auto">
          {shown.map((option) => (
            <label
              key={option.value}
              className="flex items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-700 hover:bg-slate-50"
            >
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <span className="break-all">{visibleText(option.label)}</span>
            </label>
          ))}
          {shown.length === 0 && <p className="px-1 text-sm text-slate-500">No value matches.</p>}
        </div>
        {selected.length > 0 && (
          <button
            type="button"
            onClick={() => onChange([])}
            className="mt-2 text-sm font-medium text-brand-700 hover:underline"
          >
            Clear {label.toLowerCase()}
          </button>
        )}
      </fieldset>
    </Popover>
  );
}

function labelOf(options: Option[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
