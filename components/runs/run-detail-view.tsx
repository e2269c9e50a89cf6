"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { RunDetail } from "@/lib/collector";
import { CancelRunButton } from "./cancel-run-button";
import { formatDuration, formatUtc, runDurationMs } from "./format";
import { liveCounters } from "./live-counters";
import { RunAccountsProgress } from "./run-accounts-progress";
import { RunProgress } from "./run-progress";
import { RunScopesTable } from "./run-scopes-table";
import { isRunActive, RunStatusBadge } from "./run-status";
import { useRun } from "./use-run";

type Props = { initial: RunDetail; isAdmin: boolean };

// The run page: server-rendered first, then polled while the run is queued or running.
export function RunDetailView({ initial, isAdmin }: Props) {
  const { data: run, error } = useRun(initial);
  const active = isRunActive(run.status);
  const connection = isAdmin ? (
    <Link href={`/connections/${run.connectionId}`} className="text-brand-700 hover:underline">
      {run.connectionName}
    </Link>
  ) : (
    run.connectionName
  );

  return (
    <>
      <PageHeader
        title={`Run of ${run.connectionName}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RunStatusBadge status={run.status} />
            <span>
              {run.trigger} run of {connection} ·{" "}
              <Link href={`/runs?connection=${run.connectionId}`} className="text-brand-700 hover:underline">
                all runs of this connection
              </Link>
            </span>
          </span>
        }
        actions={isAdmin && active ? <CancelRunButton runId={run.id} /> : undefined}
      />

      <div className="space-y-4">
        {run.skippedReason && (
          <Alert tone="info">
            <span className="font-medium">Skipped: </span>
            <span data-testid="run-skipped-reason">{run.skippedReason}</span>
          </Alert>
        )}
        {run.reason && (
          <Alert tone={run.status === "failed" ? "error" : "info"}>
            <span className="font-medium">{run.status === "partial" ? "Partial: " : "Failed scopes: "}</span>
            <span data-testid="run-reason">{run.reason}</span>
          </Alert>
        )}
        {run.errorMessage && (
          <Alert tone="error">
            <span data-testid="run-error-message">{run.errorMessage}</span>
          </Alert>
        )}
        {error && active && <Alert tone="error">Live updates paused: {error.message}. Retrying…</Alert>}

        <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
          <Card className="p-5">
            <h2 className="mb-3 text-sm font-semibold">Progress</h2>
            <RunProgress run={liveCounters(run)} />
          </Card>
          <Card className="p-5">
            <h2 className="mb-3 text-sm font-semibold">Details</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="run-facts">
              <Fact label="Queued">{formatUtc(run.createdAt)}</Fact>
              <Fact label="Started">{formatUtc(run.startedAt)}</Fact>
              <Fact label="Finished">{formatUtc(run.finishedAt)}</Fact>
              <Fact label="Duration">{active ? "in progress" : formatDuration(runDurationMs(run))}</Fact>
              <Fact label="Last heartbeat">{formatUtc(run.heartbeatAt)}</Fact>
              <Fact label="Collector">
                <span className="font-mono text-xs">{run.collectorVersion}</span>
              </Fact>
              <Fact label="Run ID">
                <span className="font-mono text-xs">{run.id}</span>
              </Fact>
            </dl>
          </Card>
        </div>

        <RunAccountsProgress accounts={run.progressByAccount} active={active} />

        {run.notes.length > 0 && (
          <Card className="p-5">
            <h2 className="mb-2 text-sm font-semibold">Notes</h2>
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="run-notes">
              {run.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </Card>
        )}

        <RunScopesTable scopes={run.scopes} />
      </div>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-800">{children}</dd>
    </>
  );
}
