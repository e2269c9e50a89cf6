import type { ReactNode } from "react";
import type { CheckEvent } from "@/lib/connections/probe/types";
import type { CheckSummary } from "@/lib/connections/probe/summary";
import type { AnchorOf } from "./check-anchor";
import { CheckStatusBadge } from "./check-status-badge";

// The top of a Test Connection result: how much was checked, then every problem, each linking
// to its row or grid cell in the checklist below.
export function TestSummary({ summary, anchorOf }: { summary: CheckSummary; anchorOf: AnchorOf }) {
  const { accounts, accountsReached, regions, checks, passed, notApplicable, running, problems } = summary;
  const aside = [notApplicable && `${notApplicable} not applicable`, running && `${running} running`]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="space-y-3" data-testid="test-summary">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Figure
          label="Accounts"
          testId="summary-accounts"
          value={accounts}
          detail={accountsReached < accounts ? `${accountsReached} reached` : undefined}
        />
        <Figure label="Regions" testId="summary-regions" value={regions} />
        <Figure
          label="Checks passed"
          testId="summary-passed"
          value={`${passed} of ${checks}`}
          detail={aside || undefined}
        />
        <Figure
          label="Problems"
          testId="summary-problems"
          value={problems.length}
          tone={problems.length ? "problem" : undefined}
        />
      </dl>
      {problems.length > 0 && (
        <section className="space-y-1">
          <h4 className="text-sm font-semibold">
            {problems.length === 1 ? "Problem" : `Problems (${problems.length})`}
          </h4>
          <ol className="space-y-2" data-testid="test-problems">
            {problems.map((event) => (
              <ProblemItem key={event.id} event={event} href={`#${anchorOf(event.id)}`} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function Figure({
  label,
  value,
  detail,
  testId,
  tone,
}: {
  label: string;
  value: ReactNode;
  detail?: string;
  testId: string;
  tone?: "problem";
}) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={tone ? "text-lg font-semibold text-red-700" : "text-lg font-semibold"} data-testid={testId}>
        {value}
        {detail && <span className="ml-1 text-xs font-normal text-slate-500">({detail})</span>}
      </dd>
    </div>
  );
}

// Where the problem is, in words: "rds:DescribeDBInstances in 333333333333, eu-west-1".
function whereOf(event: CheckEvent): string {
  const place = [event.accountId, event.region && event.region !== "global" ? event.region : undefined]
    .filter(Boolean)
    .join(", ");
  const what = event.step === "api" && event.action ? event.action : event.label;
  return place ? `${what} in ${place}` : what;
}

function ProblemItem({ event, href }: { event: CheckEvent; href: string }) {
  return (
    <li className="text-sm" data-testid="test-problem" data-problem-id={event.id}>
      <div className="flex flex-wrap items-center gap-2">
        <CheckStatusBadge status={event.status} />
        <a href={href} className="font-medium text-brand-700 underline underline-offset-2">
          {whereOf(event)}
        </a>
        {event.errorCode && <span className="font-mono text-xs text-red-700">{event.errorCode}</span>}
      </div>
      {event.message && <p className="ml-1 mt-0.5 break-words text-xs text-slate-600">{event.message}</p>}
      {event.hint && <p className="ml-1 break-words text-xs text-slate-500">{event.hint}</p>}
    </li>
  );
}
