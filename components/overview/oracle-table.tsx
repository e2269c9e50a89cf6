import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { Overview } from "@/lib/inventory/overview";
import { inventoryHref } from "@/lib/resources/registry";

const MODEL_LABEL: Record<string, string> = {
  byol: "BYOL",
  "license-included": "Licence included",
  none: "None",
  unknown: "Unknown",
};

export function licenceModelLabel(model: string): string {
  return MODEL_LABEL[model] ?? model;
}

// Oracle on RDS: EE needs processor licences (2 vCPUs = 1 with hyper-threading, else 1 per
// vCPU), SE2 needs sockets (4 vCPUs, rounded up, = 1); BYOL Multi-AZ standbys are listed apart.
export function OracleTable({ oracle }: { oracle: Overview["oracle"] }) {
  if (oracle.byEdition.length === 0) return <p className="text-sm text-slate-500">No Oracle DB instances on RDS.</p>;
  return (
    <Table aria-label="Oracle on RDS by edition and licence model">
      <thead>
        <tr>
          <Th>Edition</Th>
          <Th>Licence model</Th>
          <Th className="text-right">DB instances</Th>
          <Th className="text-right">vCPUs</Th>
          <Th className="text-right">EE processors</Th>
          <Th className="text-right">SE2 sockets</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {oracle.byEdition.map((t) => (
          <tr key={`${t.edition}|${t.licenceModel}`}>
            <Td>
              <Link
                className="text-brand-700 underline"
                href={inventoryHref("rds-db-instance", {
                  engine: `oracle-${t.edition.toLowerCase()}`,
                  licenceModel: t.licenceModel,
                })}
              >
                Oracle {t.edition}
              </Link>
            </Td>
            <Td>{licenceModelLabel(t.licenceModel)}</Td>
            <Td className="text-right tabular-nums">{t.count}</Td>
            <Td className="text-right tabular-nums">
              {t.vcpus}
              {t.unknownVcpus > 0 && <span className="ml-1 text-amber-700">({t.unknownVcpus} unknown)</span>}
            </Td>
            <Td className="text-right tabular-nums">{t.edition === "EE" ? t.processors : "—"}</Td>
            <Td className="text-right tabular-nums">
              {t.edition === "EE" ? "—" : t.sockets}
              {t.overLimit > 0 && <span className="ml-1 text-amber-700">({t.overLimit} over the vCPU cap)</span>}
            </Td>
          </tr>
        ))}
        {oracle.byolStandbys.map((s) => (
          <tr key={`standby-${s.edition}`} className="bg-amber-50">
            <Td>Oracle {s.edition} · Multi-AZ standbys</Td>
            <Td>BYOL (standby)</Td>
            <Td className="text-right tabular-nums">{s.count}</Td>
            <Td className="text-right tabular-nums">{s.vcpus}</Td>
            <Td className="text-right tabular-nums">{s.edition === "EE" ? s.processors : "—"}</Td>
            <Td className="text-right tabular-nums">{s.edition === "EE" ? "—" : s.sockets}</Td>
          </tr>
        ))}
        <tr className="font-semibold">
          <Td colSpan={4}>BYOL entitlements needed (instances + standbys)</Td>
          <Td className="text-right tabular-nums" data-testid="oracle-total-processors">
            {oracle.totalProcessors}
          </Td>
          <Td className="text-right tabular-nums" data-testid="oracle-total-sockets">
            {oracle.totalSockets}
          </Td>
        </tr>
      </tbody>
    </Table>
  );
}
