import { Card } from "@/components/ui/card";
import type { Overview } from "@/lib/inventory/overview";
import { RESOURCES } from "@/lib/resources/registry";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function TotalsCards({ overview }: { overview: Overview }) {
  const { totals, oracle, hosts, vcpus } = overview;
  const cards = [
    {
      id: "instances",
      label: RESOURCES["ec2-instance"].labels.title,
      value: totals.instances,
      note: `${totals.running} running · ${plural(totals.accounts, "account")} · ${plural(totals.regions, "region")}`,
    },
    {
      id: "vcpus",
      label: "vCPUs",
      value: totals.vcpus,
      note: `${totals.runningVcpus} running${vcpus.peak ? ` · 30-day peak ${vcpus.peak.runningVcpus}` : ""}`,
    },
    {
      id: "oracle",
      label: "Oracle BYOL processors",
      value: oracle.totalProcessors,
      note: `EE incl. Multi-AZ standbys · SE2 sockets ${oracle.totalSockets}`,
    },
    {
      id: "host-cores",
      label: "Dedicated host cores",
      value: hosts.cores,
      note: `${plural(hosts.count, "host")} · ${plural(hosts.sockets, "socket")} · ${Math.round(hosts.utilisation * 100)}% used`,
    },
  ];
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {cards.map((c) => (
        <Card key={c.id} className="p-4" data-testid={`total-${c.id}`}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{c.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{c.value}</dd>
          <dd className="mt-1 text-xs text-slate-500">{c.note}</dd>
        </Card>
      ))}
    </dl>
  );
}
