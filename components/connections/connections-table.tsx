import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConnectionSummary } from "@/lib/connections";
import { CheckStatusBadge } from "./check-list";

// Names and status only: this table is what viewers see too.
export function ConnectionsTable({ connections, linkToDetail }: { connections: ConnectionSummary[]; linkToDetail: boolean }) {
  return (
    <Table aria-label="Connections">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Last test</Th>
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
            <Td>{connection.lastTestOutcome ? <CheckStatusBadge status={connection.lastTestOutcome === "failed" ? "failed" : "ok"} /> : "Never"}</Td>
            <Td className="font-mono text-xs">{connection.schedule && connection.enabled ? connection.schedule : "off"}</Td>
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
