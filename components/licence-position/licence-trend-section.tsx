import type { LicenceTrend } from "@/lib/inventory/licence-position/licence-trend";
import { Table, Td, Th } from "@/components/ui/table";
import { EditionLabel, productEditionName } from "./edition-label";
import { TrendChart } from "./trend-chart";
import { TrendPeriodLinks } from "./trend-period-links";
import { peakSentence, unit } from "./trend-text";

type Props = { trend: LicenceTrend; days: number; choices: readonly number[] };

// The licence figures over the period from the run snapshots, per product + edition + metric:
// a small chart and the peak in words (IBM sub-capacity licenses the peak, not today's figure).
// Snapshots without licence figures are said and drawn as gaps, never as zeros.
export function LicenceTrendSection({ trend, days, choices }: Props) {
  return (
    <section aria-labelledby="trend-heading" className="mt-6 space-y-2" data-testid="licence-trend">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="trend-heading" className="text-base font-semibold text-slate-900">
          Trend
        </h2>
        <TrendPeriodLinks days={days} choices={choices} />
      </div>
      <p className="text-sm text-slate-600">
        Each collection run keeps the licence figures of the whole inventory. The peak is the highest of the last {days}{" "}
        days, counting the figures current when the period began.
      </p>
      {trend.gaps > 0 && (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="trend-gaps"
        >
          {unit(trend.gaps, "snapshots")} without licence figures (taken before runs kept them, or their computation
          failed): gaps in the lines below, not zeros.
        </p>
      )}
      {trend.snapshots.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="trend-empty">
          No snapshot in this period: the trend starts with the next collection run.
        </p>
      ) : trend.groups.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="trend-empty">
          {trend.gaps === trend.snapshots.length
            ? "No snapshot of this period holds licence figures."
            : "No licence requirement in any snapshot of this period."}
        </p>
      ) : (
        <Table data-testid="trend-groups">
          <caption className="sr-only">Licence figures over the period and their peak, per product and metric</caption>
          <thead>
            <tr>
              <Th>Product</Th>
              <Th>Edition</Th>
              <Th>Metric</Th>
              <Th>Trend</Th>
              <Th>Peak</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {trend.groups.map((group) => (
              <tr
                key={group.key}
                data-testid="trend-group"
                data-product={group.product}
                data-edition={group.edition ?? ""}
              >
                <Td>{group.productName}</Td>
                <Td>
                  <EditionLabel product={group.product} edition={group.edition} />
                </Td>
                <Td>{group.metric}</Td>
                <Td className="min-w-64">
                  <TrendChart
                    group={group}
                    name={productEditionName(group.productName, group.product, group.edition)}
                    from={trend.from}
                    to={trend.to}
                  />
                </Td>
                <Td className="whitespace-normal align-top">
                  <p data-testid="trend-peak">{peakSentence(group)}</p>
                  {group.pvuPeak && (
                    <p className="mt-1 text-xs text-slate-600" data-testid="trend-pvu-peak">
                      {group.pvuPeak.arithmetic}
                    </p>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
