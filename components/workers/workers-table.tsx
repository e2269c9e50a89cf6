import { formatCount, formatUtc } from "@/components/runs/format";
import { Table, Td, Th } from "@/components/ui/table";
import type { WorkerRow } from "@/lib/workers";
import { formatAge, formatRate } from "./format-age";
import { WorkerStatusBadge } from "./worker-status";

const KINDS: Record<string, string> = { worker: "worker process", app: "web app", cli: "command line" };

export function WorkersTable({ workers, now }: { workers: WorkerRow[]; now: string }) {
  return (
    <Table aria-label="Workers">
      <thead>
        <tr>
          <Th>Host</Th>
          <Th className="text-right">PID</Th>
          <Th>Kind</Th>
          <Th>Status</Th>
          <Th>Started</Th>
          <Th>Last heartbeat</Th>
          <Th className="text-right">In flight</Th>
          <Th className="text-right">Jobs done</Th>
          <Th className="text-right">Handed back</Th>
          <Th className="text-right">Items / min</Th>
          <Th className="text-right">Jobs / min</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {workers.map((worker) => (
          <tr key={worker.id} data-testid="worker-row" data-worker-id={worker.id} data-status={worker.status}>
            <Td className="font-mono text-xs" data-testid="worker-host">
              {worker.host}
            </Td>
            <Td className="text-right font-mono text-xs tabular-nums" data-testid="worker-pid">
              {worker.pid}
            </Td>
            <Td>{KINDS[worker.kind] ?? worker.kind}</Td>
            <Td>
              <WorkerStatusBadge status={worker.status} />
            </Td>
            <Td className="text-xs">{formatUtc(worker.startedAt)}</Td>
            <Td>
              <span title={formatUtc(worker.heartbeatAt)} data-testid="worker-heartbeat">
                {formatAge(worker.heartbeatAt, now)}
              </span>
            </Td>
            <Td className="text-right tabular-nums" data-testid="worker-in-flight">
              {worker.alive ? `${formatCount(worker.jobsInFlight)} of ${formatCount(worker.concurrency)}` : "—"}
            </Td>
            <Td className="text-right tabular-nums" data-testid="worker-jobs-done">
              {formatCount(worker.jobsDone)}
            </Td>
            <Td className="text-right tabular-nums" data-testid="worker-handed-back">
              {formatCount(worker.jobsHandedBack)}
            </Td>
            <Td className="text-right tabular-nums" data-testid="worker-items-rate">
              {formatRate(worker.itemsPerMinute)}
            </Td>
            <Td className="text-right tabular-nums" data-testid="worker-jobs-rate">
              {formatRate(worker.jobsPerMinute)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
