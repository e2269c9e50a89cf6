import Link from "next/link";

// The trend's period as links (?days=), so a chosen period is a link an analyst can share.
export function TrendPeriodLinks({ days, choices }: { days: number; choices: readonly number[] }) {
  return (
    <nav aria-label="Trend period" className="flex flex-wrap gap-2 text-sm" data-testid="trend-period">
      {choices.map((choice) => (
        <Link
          key={choice}
          href={`/licence-position?days=${choice}#trend-heading`}
          aria-current={choice === days ? "page" : undefined}
          className={`rounded-full border px-3 py-0.5 ${choice === days ? "border-brand-700 bg-brand-50 font-medium text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
        >
          {choice} days
        </Link>
      ))}
    </nav>
  );
}
