import Link from "next/link";
import { ListedOf, OVERVIEW_LIST_LIMIT } from "./list-limit";

export type Bar = { key: string; label: string; sublabel?: string; value: number; secondary?: number; href: string };

// Horizontal bars as a list of links: each row names its figure in text, so the chart reads
// the same to a screen reader as on screen. `secondary` (e.g. running) is drawn inside the bar.
// `bars` come largest first: the first OVERVIEW_LIST_LIMIT are drawn, the rest summed in a line
// that names them by `others` ("accounts").
export function BarList({
  id,
  bars,
  unit,
  secondaryUnit,
  label,
  others,
}: {
  id: string;
  bars: Bar[];
  unit: string;
  secondaryUnit?: string;
  label: string;
  others: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (bars.length === 0) return <p className="text-sm text-slate-500">Nothing collected.</p>;
  const rest = bars.slice(OVERVIEW_LIST_LIMIT);
  const sum = (values: (number | undefined)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
  return (
    <>
      <ul className="space-y-2" aria-label={label}>
        {bars.slice(0, OVERVIEW_LIST_LIMIT).map((bar) => (
          <li key={bar.key}>
            <Link
              href={bar.href}
              className="group block rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
            >
              <div className="flex items-baseline justify-between gap-2 text-xs">
                <span className="truncate font-medium text-slate-800 group-hover:underline">
                  {bar.label}
                  {bar.sublabel && <span className="ml-1 font-normal text-slate-500">{bar.sublabel}</span>}
                </span>
                <span className="shrink-0 tabular-nums text-slate-700">
                  {bar.value}
                  {/* The link's name is its visible text (WCAG 2.5.3); the unit completes it for screen readers. */}
                  <span className="sr-only"> {unit}</span>
                  {bar.secondary !== undefined && secondaryUnit && (
                    <span className="text-slate-500">
                      {" "}
                      · {bar.secondary} {secondaryUnit}
                    </span>
                  )}
                </span>
              </div>
              <div className="mt-1 h-2.5 w-full rounded bg-slate-100" aria-hidden="true">
                <div className="relative h-2.5 rounded bg-blue-200" style={{ width: `${(bar.value / max) * 100}%` }}>
                  {bar.secondary !== undefined && bar.value > 0 && (
                    <div
                      className="absolute inset-y-0 left-0 rounded bg-brand-600"
                      style={{ width: `${(bar.secondary / bar.value) * 100}%` }}
                    />
                  )}
                </div>
              </div>
            </Link>
          </li>
        ))}
      </ul>
      <ListedOf total={bars.length} id={id}>
        {rest.length} more {others}: {sum(rest.map((bar) => bar.value))} {unit}
        {secondaryUnit && ` · ${sum(rest.map((bar) => bar.secondary))} ${secondaryUnit}`}
      </ListedOf>
    </>
  );
}
