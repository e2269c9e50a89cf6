"use client";

import { formatCount } from "@/components/runs/format";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { WorkersOverview } from "@/lib/workers";
import { useWorkers } from "./use-workers";
import { WorkersTable } from "./workers-table";

// The Workers page's live part: queue depth, then every worker, refreshed every few seconds.
export function WorkersView({ initial }: { initial: WorkersOverview }) {
  const { data, error } = useWorkers(initial);
  const staleSeconds = Math.round(data.staleAfterMs / 1000);
  return (
    <div className="space-y-4">
      {error && <Alert tone="error">Live updates paused: {error.message}. Retrying…</Alert>}
      <Card className="p-5">
        <h2 className="mb-3 text-sm font-semibold">Queue</h2>
        <dl className="grid max-w-md grid-cols-2 gap-3" data-testid="queue-depth">
          <QueueFigure label="Jobs waiting" value={data.queue.pending} testId="queue-pending" />
          <QueueFigure label="Jobs running" value={data.queue.running} testId="queue-running" />
        </dl>
        <p className="mt-3 text-xs text-slate-600">Jobs of runs still in progress.</p>
      </Card>
      {data.workers.length === 0 ? (
        <EmptyState title="No worker has reported yet">
          <p>
            Start one with <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm run worker</code> on any
            machine that reaches the database; start as many as you like. Without separate workers, the web app works
            the jobs itself and shows up here once it runs one. The deployment recipe and every setting are in{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">docs/scale-out.md</code>.
          </p>
        </EmptyState>
      ) : (
        <>
          <WorkersTable workers={data.workers} now={data.generatedAt} />
          <p className="text-sm text-slate-600" data-testid="workers-gone-note">
            A <span className="font-medium">gone</span> worker stopped sending heartbeats (none for {staleSeconds} s, or
            its process ended on this host): its jobs were handed to another worker. Stopped and gone workers stay
            listed for a week. Live workers first; see{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">docs/scale-out.md</code> for running more.
          </p>
        </>
      )}
    </div>
  );
}

function QueueFigure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {formatCount(value)}
      </dd>
    </div>
  );
}
