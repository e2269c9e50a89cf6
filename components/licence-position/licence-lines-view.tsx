import type { LicencePositionView as View } from "@/lib/inventory/licence-position/get-licence-position";
import { EmptyState } from "@/components/ui/empty-state";
import { filterValueLabel } from "./lines-title";
import { PositionExportLinks } from "./position-export-links";
import { RequirementLinesTable } from "./requirement-lines-table";

const FILTER_LABELS: Record<string, string> = {
  product: "Product",
  edition: "Edition",
  metric: "Metric",
  basis: "Basis",
  account: "Account",
};

// One figure's drill-down: the filters in words, the sum they give, the lines and an export of them.
export function LicenceLinesView({ view, query }: { view: View; query: string }) {
  const total = view.lines.reduce((sum, line) => sum + (line.quantity ?? 0), 0);
  const missing = view.lines.filter((line) => line.quantity === null).length;
  const metrics = [...new Set(view.lines.map((line) => line.metric))];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="line-filters">
          {Object.entries(view.filter).map(([key, values]) => (
            <div key={key} className="flex gap-1">
              <dt className="text-slate-600">{FILTER_LABELS[key]}:</dt>
              <dd className="font-medium">
                {(values as string[]).map((value) => filterValueLabel(key as keyof View["filter"], value)).join(", ")}
              </dd>
            </div>
          ))}
        </dl>
        <PositionExportLinks query={query} />
      </div>
      <p className="text-sm" data-testid="lines-total">
        {view.lines.length} {view.lines.length === 1 ? "line" : "lines"}
        {metrics.length === 1 && (
          <>
            , <span className="font-semibold tabular-nums">{total}</span> {metrics[0]}
          </>
        )}
        {missing > 0 && <span className="text-amber-800"> + {missing} without a figure (an input is missing)</span>}
      </p>
      {view.lines.length === 0 ? (
        <EmptyState title="No lines match">Nothing in the current inventory matches these filters.</EmptyState>
      ) : (
        <RequirementLinesTable lines={view.lines} />
      )}
    </div>
  );
}
