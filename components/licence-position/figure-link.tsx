import Link from "next/link";
import type { Figure } from "@/lib/inventory/licence-position/types";

type Props = { figure: Figure; href: string; label: string };

const lines = (n: number) => `${n} ${n === 1 ? "line" : "lines"}`;

// A sum that links to the lines behind it. Lines without a figure are said, never added as 0:
// "4 + 1 without a figure", or "no figure (5 lines)" when none has one. No lines at all reads as a
// dash, not as a zero requirement. The link's name carries the number and what it counts.
export function FigureLink({ figure, href, label }: Props) {
  if (figure.lines === 0)
    return (
      <span className="text-slate-400">
        —<span className="sr-only">none</span>
      </span>
    );
  const known = figure.lines - figure.missing;
  const text =
    known === 0
      ? `no figure (${lines(figure.lines)})`
      : `${figure.quantity.toLocaleString("en")}${figure.missing > 0 ? ` + ${figure.missing} without a figure` : ""}`;
  return (
    <Link
      href={href}
      aria-label={`${text}: ${label}`}
      title={`Open the ${lines(figure.lines)} behind this figure`}
      className={`font-medium tabular-nums hover:underline ${known === 0 ? "text-amber-800" : "text-brand-700"}`}
    >
      {known === 0 ? (
        text
      ) : (
        <>
          {figure.quantity.toLocaleString("en")}
          {figure.missing > 0 && (
            <span className="ml-1 font-normal text-amber-800">+ {figure.missing} without a figure</span>
          )}
        </>
      )}
    </Link>
  );
}
