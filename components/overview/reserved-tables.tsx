import { Table, Td, Th } from "@/components/ui/table";
import type { Overview } from "@/lib/inventory/overview";
import { ListedOf, OVERVIEW_LIST_LIMIT } from "./list-limit";

export function ExpiringTable({ ri }: { ri: Overview["reservedInstances"] }) {
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-3 gap-2 text-center text-xs">
        <Figure id="ri-active" label="Active RIs" value={ri.active} note={`${ri.activeInstances} instances`} />
        <Figure
          id="ri-30"
          label="Expire ≤ 30 days"
          value={ri.expiringIn30Days.count}
          note={`${ri.expiringIn30Days.instances} instances`}
        />
        <Figure
          id="ri-90"
          label="Expire ≤ 90 days"
          value={ri.expiringIn90Days.count}
          note={`${ri.expiringIn90Days.instances} instances`}
        />
      </dl>
      {ri.expiring.length === 0 ? (
        <p className="text-sm text-slate-500">No active reserved instance expires within 90 days.</p>
      ) : (
        <Table aria-label="Reserved instances expiring within 90 days">
          <thead>
            <tr>
              <Th>Reservation</Th>
              <Th>Type · platform</Th>
              <Th className="text-right">Count</Th>
              <Th>Ends</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ri.expiring.slice(0, OVERVIEW_LIST_LIMIT).map((r) => (
              <tr key={r.reservedInstancesId}>
                <Td className="font-mono text-xs">
                  {r.reservedInstancesId.slice(0, 13)}
                  <div className="font-sans text-slate-500">
                    {r.accountId} · {r.region}
                  </div>
                </Td>
                <Td>
                  {r.instanceType} · {r.productDescription}
                </Td>
                <Td className="text-right tabular-nums">{r.instanceCount}</Td>
                <Td className={r.daysLeft <= 30 ? "font-medium text-red-700" : ""}>
                  {r.end.slice(0, 10)} ({r.daysLeft} d)
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ListedOf total={ri.expiring.length} id="ri-expiring">
        The {OVERVIEW_LIST_LIMIT} that end soonest of {ri.expiring.length}.
      </ListedOf>
    </div>
  );
}

function Figure({ id, label, value, note }: { id: string; label: string; value: number; note: string }) {
  return (
    <div className="rounded border border-slate-200 p-2" data-testid={id}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
      <dd className="text-slate-500">{note}</dd>
    </div>
  );
}

export function CoverageTable({ coverage }: { coverage: Overview["riCoverage"] }) {
  const pct = coverage.running > 0 ? Math.round((coverage.covered / coverage.running) * 100) : 0;
  const rows = coverage.rows.filter((r) => r.running > 0 || r.reserved > 0);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="ri-coverage-summary">
        {coverage.covered} of {coverage.running} eligible running instances covered ({pct}%); {coverage.uncovered} on
        demand; {coverage.unused} reserved instances unused.
      </p>
      <Table aria-label="Reserved instance coverage by instance type, platform and tenancy" className="plain-cells">
        <thead>
          <tr>
            <Th>Instance type</Th>
            <Th>Platform</Th>
            <Th>Tenancy</Th>
            <Th className="text-right">Running</Th>
            <Th className="text-right">Covered</Th>
            <Th className="text-right">Uncovered</Th>
            <Th className="text-right">Reserved</Th>
            <Th className="text-right">Unused</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.instanceType}|${r.platform}|${r.tenancy}`}>
              <td className="font-mono text-xs">{r.instanceType}</td>
              <td>{r.platform}</td>
              <td>{r.tenancy}</td>
              <td className="text-right">{r.running}</td>
              <td className="text-right text-green-700">{r.covered}</td>
              <td className={r.uncovered > 0 ? "text-right text-amber-700" : "text-right"}>{r.uncovered}</td>
              <td className="text-right">{r.reserved}</td>
              <td className={r.unused > 0 ? "text-right text-red-700" : "text-right"}>{r.unused}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
