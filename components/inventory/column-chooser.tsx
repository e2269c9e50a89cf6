"use client";

import type { ColumnDef } from "@/lib/inventory/query/columns";

type Props = { columns: ColumnDef[]; visible: string[]; onChange(visible: string[]): void; status?: string | null };

// A disclosure with one checkbox per column; the data wrapper keeps the choice in the URL and saves it.
export function ColumnChooser({ columns, visible, onChange, status }: Props) {
  const toggle = (id: string, checked: boolean) => {
    const next = columns.map((column) => column.id).filter((columnId) => (columnId === id ? checked : visible.includes(columnId)));
    if (next.length > 0) onChange(next);
  };
  return (
    <details className="relative" data-testid="column-chooser">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">Columns to show</legend>
        <div className="grid gap-1">
          {columns.map((column) => (
            <label key={column.id} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={visible.includes(column.id)} onChange={(event) => toggle(column.id, event.target.checked)} />
              {column.label}
            </label>
          ))}
        </div>
        {status && <p className="mt-2 text-xs text-slate-500" role="status">{status}</p>}
      </fieldset>
    </details>
  );
}
