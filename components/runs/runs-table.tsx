import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { RunSummary } from "@/lib/collector";
import { formatCount, formatDuration, formatUtc, runDurationMs } from "./format";
import { isRunActive, RunStatusBadge } from "./run-status";

type Props = { runs: RunSummary[]; linkConnections: boolean };

// Pure renderer: the page fetches one page of runs. Connection links are for admins only, since
// viewers may not open a connection's configuration (SECURITY.md 6).
export function RunsTable({ runs, linkConnections }: Props) {
  return (
    <Table aria-label="Runs">
      <thead>
        <tr>
          <Th>Started (UTC)</Th>
          <Th>Connection</Th>
          <Th>Trigger</Th>
          <Th>Status</Th>
          <Th className="text-right">Duration</Th>
          <Th className="text-right">Scopes done / failed / planned</Th>
          <Th className="text-right">Items</Th>
          <Th className="text-right">Requests</Th>
          <Th className="text-right">Throttles</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {runs.map((run) => (
          <tr key={run.id} data-testid={`run-row-${run.id}`} className="hover:bg-slate-50">
            <Td className="font-mono text-xs">
              <Link href={`/runs/${run.id}`} className="text-brand-700 hover:underline">
                {formatUtc(run.startedAt ?? run.createdAt).replace(" UTC", "")}
              </Link>
            </Td>
            <Td className="font-medium">
              {linkConnections ? (
                <Link href={`/connections/${run.connectionId}`} className="text-brand-700 hover:underline">
                  {run.connectionName}
                </Link>
              ) : (
                run.connectionName
              )}
            </Td>
            <Td>{run.trigger}</Td>
            <Td className="max-w-sm whitespace-normal">
              <span title={run.skippedReason ?? run.errorMessage ?? undefined}>
                <RunStatusBadge status={run.status} />
              </span>
              <RunWhy run={run} />
            </Td>
            <Td className="text-right tabular-nums">
              {isRunActive(run.status) ? "in progress" : formatDuration(runDurationMs(run))}
            </Td>
            <Td className="text-right tabular-nums" data-testid="run-scopes">
              {run.scopesDone} /{" "}
              <span className={run.scopesFailed ? "font-medium text-red-700" : undefined}>{run.scopesFailed}</span> /{" "}
              {run.scopesPlanned}
            </Td>
            <Td className="text-right tabular-nums">{formatCount(run.items)}</Td>
            <Td className="text-right tabular-nums">{formatCount(run.requests)}</Td>
            <Td className={run.throttles ? "text-right tabular-nums text-amber-700" : "text-right tabular-nums"}>
              {formatCount(run.throttles)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

// Why a run did not simply succeed, in one line under its status: the failed scopes grouped
// (partial, failed), or why it was skipped or stopped.
function RunWhy({ run }: { run: RunSummary }) {
  const why =
    run.reason ?? run.skippedReason ?? (run.status === "failed" || run.status === "aborted" ? run.errorMessage : null);
  if (!why) return null;
  return (
    <p className="mt-1 text-xs text-slate-600" data-testid="run-reason">
      {why}
    </p>
  );
}
