import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { RESOURCE_LABELS, STATUS_LABELS } from "@/lib/coverage/labels";
import type { ConnectionScope, CoverageCell, CoverageStatus } from "@/lib/coverage/types";
import { day, gapCause, utc } from "./format";
import { ExcludeScopeButton, IncludeScopeButton } from "./scope-actions";

const TONES: Record<CoverageStatus, "green" | "amber" | "red" | "neutral" | "blue"> = {
  collected: "green",
  stale: "amber",
  denied: "red",
  "never-collected": "amber",
  excluded: "neutral",
};

export function CoverageStatusBadge({ status }: { status: CoverageStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

const cellLabel = (cell: CoverageCell) =>
  `${RESOURCE_LABELS[cell.resourceType].short} in ${cell.accountId} ${cell.region}`;

// account x region x resource type, one row each, gaps first. Each connection covering the
// scope is a line of its own: its status, last success, error and (admins) AWS's message.
export function CoverageTable({ cells, isAdmin }: { cells: CoverageCell[]; isAdmin: boolean }) {
  return (
    <Table data-testid="coverage-table">
      <thead>
        <tr>
          <Th>Account</Th>
          <Th>Region</Th>
          <Th>Resource type</Th>
          <Th>Status</Th>
          <Th>Detail</Th>
          <Th>Connections</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {cells.map((cell) => (
          <tr
            key={`${cell.accountId}|${cell.region}|${cell.resourceType}`}
            data-testid="coverage-row"
            data-status={cell.status}
            data-scope={`${cell.accountId}|${cell.region}|${cell.resourceType}`}
            className="align-top"
          >
            <Td>
              <div>{cell.accountId}</div>
              {cell.accountAlias && <div className="text-xs text-slate-500">{cell.accountAlias}</div>}
            </Td>
            <Td>{cell.region}</Td>
            <Td>{RESOURCE_LABELS[cell.resourceType].short}</Td>
            <Td>
              <CoverageStatusBadge status={cell.status} />
            </Td>
            <Td className="whitespace-normal">
              <CellDetail cell={cell} />
            </Td>
            <Td className="whitespace-normal">
              <ul className="space-y-2">
                {cell.connections.map((view) => (
                  <li key={view.connectionId} data-testid="coverage-connection">
                    <ConnectionLine view={view} />
                    {isAdmin && <ScopeAction cell={cell} view={view} />}
                  </li>
                ))}
              </ul>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function CellDetail({ cell }: { cell: CoverageCell }) {
  if (cell.status === "collected") return <span>Collected {utc(cell.lastSuccessAt)}</span>;
  if (cell.status === "excluded" && cell.exclusion) {
    return (
      <span>
        Excluded by {cell.exclusion.excludedBy ?? "an administrator"} on {day(cell.exclusion.excludedAt)}:{" "}
        {cell.exclusion.reason}
      </span>
    );
  }
  return (
    <span>
      {cell.lastSuccessAt ? `Stale since ${utc(cell.lastSuccessAt)}` : "Never read"} · {gapCause(cell)}
      {cell.lastAttemptAt && <span className="text-slate-500"> · last tried {utc(cell.lastAttemptAt)}</span>}
    </span>
  );
}

function ConnectionLine({ view }: { view: ConnectionScope }) {
  const title = [
    view.lastSuccessAt && `Last success ${utc(view.lastSuccessAt)}`,
    view.lastAttemptAt && `Last attempt ${utc(view.lastAttemptAt)}`,
    view.message,
  ]
    .filter(Boolean)
    .join("\n");
  return (
    <div title={title || undefined}>
      <span className="font-medium">{view.connectionName}</span> <CoverageStatusBadge status={view.status} />
      {view.status !== "collected" && view.status !== "excluded" && (
        <span className="ml-1 text-xs text-slate-600">{gapCause(view)}</span>
      )}
      {view.message && <div className="mt-0.5 max-w-xl break-words text-xs text-slate-500">{view.message}</div>}
    </div>
  );
}

function ScopeAction({ cell, view }: { cell: CoverageCell; view: ConnectionScope }) {
  const scope = {
    connectionId: view.connectionId,
    accountId: cell.accountId,
    region: cell.region,
    resourceType: cell.resourceType,
  };
  const label = `${cellLabel(cell)} (${view.connectionName})`;
  if (view.status === "excluded") return <IncludeScopeButton scope={scope} label={label} />;
  if (view.status === "collected") return null;
  return <ExcludeScopeButton scope={scope} label={label} />;
}
