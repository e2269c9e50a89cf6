import { Table, Td, Th } from "@/components/ui/table";
import type { Overview } from "@/lib/inventory/overview";
import { ListedOf, OVERVIEW_LIST_LIMIT } from "./list-limit";

export function HostsTable({ hosts }: { hosts: Overview["hosts"] }) {
  if (hosts.list.length === 0) return <p className="text-sm text-slate-500">No dedicated hosts.</p>;
  return (
    <>
      <Table aria-label="Dedicated hosts with sockets, cores and utilisation">
        <thead>
          <tr>
            <Th>Host</Th>
            <Th>Account · AZ</Th>
            <Th>Family</Th>
            <Th className="text-right">Sockets</Th>
            <Th className="text-right">Cores</Th>
            <Th className="text-right">vCPUs used</Th>
            <Th>Utilisation</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {hosts.list.slice(0, OVERVIEW_LIST_LIMIT).map((h) => (
            <tr key={h.hostId}>
              <Td className="font-mono text-xs">{h.hostId}</Td>
              <Td>
                {h.accountId} · {h.availabilityZone ?? h.region}
              </Td>
              <Td>{h.instanceFamily ?? "—"}</Td>
              <Td className="text-right tabular-nums">{h.sockets}</Td>
              <Td className="text-right tabular-nums">{h.cores}</Td>
              <Td className="text-right tabular-nums">
                {h.usedVcpus} / {h.totalVcpus}
              </Td>
              <Td>
                <Meter value={h.utilisation} label={`${h.hostId} utilisation`} />
              </Td>
            </tr>
          ))}
          <tr className="font-semibold">
            <Td colSpan={3}>
              All {hosts.count} active hosts{hosts.released > 0 ? ` (${hosts.released} released, not counted)` : ""}
            </Td>
            <Td className="text-right tabular-nums">{hosts.sockets}</Td>
            <Td className="text-right tabular-nums">{hosts.cores}</Td>
            <Td className="text-right tabular-nums">
              {hosts.usedVcpus} / {hosts.totalVcpus}
            </Td>
            <Td>
              <Meter value={hosts.utilisation} label="All hosts utilisation" />
            </Td>
          </tr>
        </tbody>
      </Table>
      <ListedOf total={hosts.list.length} id="hosts">
        {OVERVIEW_LIST_LIMIT} of {hosts.list.length} hosts listed, by account, region and host ID; the last row counts
        them all.
      </ListedOf>
    </>
  );
}

function Meter({ value, label }: { value: number; label: string }) {
  const pct = Math.round(value * 100);
  return (
    <div className="flex items-center gap-2">
      <div
        className="h-2 w-20 rounded bg-slate-100"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="h-2 rounded bg-brand-600" style={{ width: `${pct}%` }} />
      </div>
      <span className="tabular-nums text-xs">{pct}%</span>
    </div>
  );
}
