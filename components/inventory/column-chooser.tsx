"use client";

import type { ColumnDef } from "@/lib/inventory/query/columns";
import { Popover } from "./popover";

type Props = { columns: ColumnDef[]; visible: string[]; onChange(visible: string[]): void; status?: string | null };

// A menu with one checkbox per column; the data wrapper keeps the choice in the URL and saves it.
export function ColumnChooser({ columns, visible, onChange, status }: Props) {
  const toggle = (id: string, checked: boolean) => {
    const next = columns
      .map((column) => column.id)
      .filter((columnId) => (columnId === id ? checked : visible.includes(columnId)));
    if (next.length > 0) onChange(next);
  };
  return (
    <Popover label="Columns" align="right" panelClassName="w-64 p-3" data-testid="column-chooser">
      <fieldset>
        <legend className="sr-only">Columns to show</legend>
        <div className="grid max-h-[60vh] gap-1 overflow-y-auto">
          {columns.map((column) => (
            <label key={column.id} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={visible.includes(column.id)}
                onChange={(event) => toggle(column.id, event.target.checked)}
              />
              {column.label}
            </label>
          ))}
        </div>
        {status && (
          <p className="mt-2 text-xs text-slate-500" role="status">
            {status}
          </p>
        )}
      </fieldset>
    </Popover>
  );
}
