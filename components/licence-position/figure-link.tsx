import Link from "next/link";
import type { Figure } from "@/lib/inventory/licence-position/types";

type Props = { figure: Figure; href: string; label: string };

// A sum that links to the lines behind it. Lines without a figure are said, never added as 0:
// "4 + 1 without a figure". No lines at all reads as a dash, not as a zero requirement.
export function FigureLink({ figure, href, label }: Props) {
  if (figure.lines === 0) return <span className="text-slate-400">—</span>;
  return (
    <Link href={href} aria-label={label} className="font-medium text-brand-700 tabular-nums hover:underline">
      {figure.quantity.toLocaleString("en")}
      {figure.missing > 0 && (
        <span className="ml-1 font-normal text-amber-800">+ {figure.missing} without a figure</span>
      )}
    </Link>
  );
}
