import Link from "next/link";
import { RunStatusBadge } from "@/components/runs/run-status";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { RunStatus } from "@/lib/collector";
import type { ConnectionSummary } from "@/lib/connections";
import { testOutcomeTone, testOutcomeWords, utcTime } from "./status-words";

// Names and status only: this table is what viewers see too.
export function ConnectionsTable({
  connections,
  linkToDetail,
}: {
  connections: ConnectionSummary[];
  linkToDetail: boolean;
}) {
  return (
    <Table aria-label="Connections">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Last test</Th>
          <Th>Last run</Th>
          <Th>Schedule</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {connections.map((connection) => (
          <tr key={connection.id} data-testid={`connection-row-${connection.name}`}>
            <Td className="font-medium">
              {linkToDetail ? (
                <Link href={`/connections/${connection.id}`} className="text-brand-700 hover:underline">
                  {connection.name}
                </Link>
              ) : (
                connection.name
              )}
            </Td>
            <Td>
              <LastTest connection={connection} />
            </Td>
            <Td>
              <LastRun run={connection.lastRun} />
            </Td>
            <Td>
              <Schedule connection={connection} />
            </Td>
            <Td>
              {connection.attention ? (
                <Badge tone="amber">{connection.attention}</Badge>
              ) : connection.schedulable ? (
                <Badge tone="green">Scheduled</Badge>
              ) : (
                <Badge>Manual</Badge>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function LastTest({ connection }: { connection: ConnectionSummary }) {
  if (!connection.lastTestOutcome) return <span className="text-slate-500">Never</span>;
  return (
    <div className="space-y-0.5" data-testid="last-test">
      <Badge tone={testOutcomeTone(connection.lastTestOutcome)}>{testOutcomeWords(connection.lastTestOutcome)}</Badge>
      {connection.lastTestAt && (
        <div className="whitespace-nowrap text-xs text-slate-500">{utcTime(connection.lastTestAt)}</div>
      )}
    </div>
  );
}

function LastRun({ run }: { run: ConnectionSummary["lastRun"] }) {
  if (!run) return <span className="text-slate-500">No run yet</span>;
  return (
    <div className="space-y-0.5" data-testid="last-run">
      <Link
        href={`/runs/${run.id}`}
        className="hover:underline"
        aria-label={`Run of ${utcTime(run.createdAt)}: ${run.status}`}
      >
        <RunStatusBadge status={run.status as RunStatus} />
      </Link>
      <div className="whitespace-nowrap text-xs text-slate-500">
        {utcTime(run.finishedAt ?? run.createdAt)} · {run.items.toLocaleString("en")} item{run.items === 1 ? "" : "s"}
      </div>
    </div>
  );
}

function Schedule({ connection }: { connection: ConnectionSummary }) {
  if (connection.scheduleState === "off") return <span className="text-slate-500">Manual only</span>;
  return (
    <div className="space-y-0.5">
      <div className="font-mono text-xs">{connection.schedule}</div>
      <div className="whitespace-nowrap text-xs text-slate-500">
        {connection.scheduleState === "active" && connection.nextRunAt
          ? `next ${utcTime(connection.nextRunAt)}`
          : connection.scheduleState === "paused"
            ? "paused"
            : "on hold"}
      </div>
    </div>
  );
}
