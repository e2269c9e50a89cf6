import { cn } from "@/lib/cn";
import type { RunSummary } from "@/lib/collector";
import { formatCount } from "./format";
import { isRunActive } from "./run-status";

type Counters = Pick<
  RunSummary,
  "status" | "scopesPlanned" | "scopesDone" | "scopesFailed" | "items" | "requests" | "throttles"
>;

// Scopes finished (done or failed) over scopes planned. Before planning ends the total is not
// known yet, so an active run shows an indeterminate bar rather than a misleading 0 %.
export function RunProgress({ run }: { run: Counters }) {
  const finished = run.scopesDone + run.scopesFailed;
  const planned = run.scopesPlanned;
  const active = isRunActive(run.status);
  const percent = planned > 0 ? Math.min(100, Math.round((finished / planned) * 100)) : active ? 0 : 100;
  const label =
    planned > 0
      ? `${finished} of ${planned} scopes finished`
      : active
        ? "Planning scopes…"
        : "No scopes were collected";
  return (
    <div>
      <div className="mb-1.5 flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800" data-testid="run-progress-label">
          {label}
        </span>
        {planned > 0 && <span className="tabular-nums text-slate-600">{percent} %</span>}
      </div>
      <div
        role="progressbar"
        aria-label="Scopes finished"
        aria-valuemin={0}
        aria-valuemax={planned || undefined}
        aria-valuenow={planned > 0 ? finished : undefined}
        aria-valuetext={label}
        className="flex h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        {planned > 0 ? (
          <>
            <div
              className="bg-green-500 transition-[width] duration-500"
              style={{ width: `${(run.scopesDone / planned) * 100}%` }}
            />
            <div
              className="bg-red-500 transition-[width] duration-500"
              style={{ width: `${(run.scopesFailed / planned) * 100}%` }}
            />
          </>
        ) : (
          <div className={cn("w-full", active ? "animate-pulse bg-blue-200" : "bg-slate-200")} />
        )}
      </div>
      <dl className="mt-4 grid grid-cols-3 gap-3 sm:grid-cols-6" data-testid="run-counters">
        <Counter label="Done" value={run.scopesDone} className="text-green-700" />
        <Counter label="Failed" value={run.scopesFailed} className={run.scopesFailed ? "text-red-700" : undefined} />
        <Counter label="Planned" value={planned} />
        <Counter label="Items" value={run.items} />
        <Counter label="Requests" value={run.requests} />
        <Counter label="Throttles" value={run.throttles} className={run.throttles ? "text-amber-700" : undefined} />
      </dl>
    </div>
  );
}

function Counter({ label, value, className }: { label: string; value: number; className?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd
        className={cn("text-lg font-semibold tabular-nums text-slate-900", className)}
        data-testid={`run-counter-${label.toLowerCase()}`}
      >
        {formatCount(value)}
      </dd>
    </div>
  );
}
