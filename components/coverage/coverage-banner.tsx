import Link from "next/link";
import { RESOURCE_LABELS } from "@/lib/coverage/labels";
import type { CoverageGap, CoverageSummary } from "@/lib/coverage/types";
import type { ResourceType } from "@/lib/resources/rows";
import { gapSentence } from "./format";

type Props = { coverage: CoverageSummary; id?: string; className?: string };

const SHOWN = 5;

// Says which scopes a figure or list rests on that no connection could read (a warning), and
// which an admin excluded (information), with a link to the Coverage page. Renders nothing
// when every scope is current.
export function CoverageBanner({ coverage, id, className }: Props) {
  if (coverage.gaps.length === 0 && coverage.excluded.length === 0) return null;
  return (
    <div className={className} data-testid={id ?? "coverage-banner"}>
      {coverage.gaps.length > 0 && (
        <div
          role="status"
          data-testid="coverage-gaps"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <GapList gaps={coverage.gaps} />
          <p className="mt-1">
            {figuresOf(coverage.gaps)} may be incomplete.{" "}
            <Link href="/coverage" className="font-medium underline">
              See coverage
            </Link>
          </p>
        </div>
      )}
      {coverage.excluded.length > 0 && (
        <div
          role="status"
          data-testid="coverage-excluded"
          className="mt-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
        >
          <GapList gaps={coverage.excluded} />
          <p className="mt-1">
            Known gaps: left out of {figuresOf(coverage.excluded).toLowerCase()}.{" "}
            <Link href="/coverage" className="font-medium underline">
              See coverage
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

function GapList({ gaps }: { gaps: CoverageGap[] }) {
  return (
    <ul className="space-y-0.5">
      {gaps.slice(0, SHOWN).map((gap) => (
        <li key={`${gap.accountId}|${gap.region}|${gap.resourceType}`} className="break-words">
          {gapSentence(gap)}
        </li>
      ))}
      {gaps.length > SHOWN && <li>and {gaps.length - SHOWN} more</li>}
    </ul>
  );
}

function figuresOf(gaps: CoverageGap[]): string {
  const types = [...new Set(gaps.map((gap) => gap.resourceType))] as ResourceType[];
  const text = types.map((type) => RESOURCE_LABELS[type].figures).join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
