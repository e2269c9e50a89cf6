import type { SoftwareUnknownRow } from "@/lib/inventory/licence-position/types";
import { Table, Td, Th } from "@/components/ui/table";

export const REASON_LABELS: Record<SoftwareUnknownRow["reason"], string> = {
  "software-not-read": "SSM Inventory not read",
  "not-managed": "Not a managed node",
  "agent-not-online": "Agent not online",
  "inventory-outdated": "Inventory out of date",
};

const REASON_ORDER = Object.keys(REASON_LABELS);

// Instances whose software Cirrus cannot see: each is a possible licence need the figures do not hold.
// Grouped by reason (one fix each: grant the scope, install the agent...), then by where they run.
export function SoftwareUnknownTable({ rows }: { rows: SoftwareUnknownRow[] }) {
  const sorted = [...rows].sort(
    (a, b) =>
      REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason) ||
      a.accountId.localeCompare(b.accountId) ||
      a.region.localeCompare(b.region) ||
      a.instanceId.localeCompare(b.instanceId),
  );
  return (
    <Table data-testid="software-unknown">
      <caption className="sr-only">Instances whose software is unknown</caption>
      <thead>
        <tr>
          <Th>Instance</Th>
          <Th>Account</Th>
          <Th>Region</Th>
          <Th>State</Th>
          <Th className="text-right">vCPUs</Th>
          <Th>Reason</Th>
          <Th>Last known products</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sorted.map((row) => (
          <tr key={`${row.accountId}|${row.region}|${row.instanceId}`} data-instance-id={row.instanceId}>
            <Td>
              <span className="block font-mono text-xs">{row.instanceId}</span>
              <span className="block text-xs text-slate-500">
                {[row.name, row.instanceType].filter(Boolean).join(" · ")}
              </span>
            </Td>
            <Td>
              {row.accountId}
              {row.accountAlias && <span className="block text-xs text-slate-500">{row.accountAlias}</span>}
            </Td>
            <Td>{row.region}</Td>
            <Td>{row.state ?? "—"}</Td>
            <Td className="text-right tabular-nums">{row.vcpus ?? "—"}</Td>
            <Td className="whitespace-normal">
              <span className="block font-medium">{REASON_LABELS[row.reason]}</span>
              <span className="block text-xs text-slate-600">{row.detail}</span>
            </Td>
            <Td className="whitespace-normal">{row.lastKnownProducts.join(", ") || "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
