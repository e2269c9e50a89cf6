import Link from "next/link";
import type { SoftwareRow } from "@/lib/inventory/licence-position/software-rows";
import { Table, Td, Th } from "@/components/ui/table";
import { EditionLabel } from "./edition-label";
import { EvidenceList } from "./evidence-list";

// Products x instances. The evidence (which SSM facts matched which rule) opens in place; the
// instance's full application list is the Installed software table, filtered to it.
export function SoftwareTable({ rows }: { rows: SoftwareRow[] }) {
  return (
    <Table data-testid="software-table">
      <caption className="sr-only">Recognised products per instance</caption>
      <thead>
        <tr>
          <Th>Product</Th>
          <Th>Edition</Th>
          <Th>Instance</Th>
          <Th>Account</Th>
          <Th>Region</Th>
          <Th>Version</Th>
          <Th>Evidence</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr
            key={`${row.accountId}|${row.region}|${row.instanceId}|${row.product}|${row.edition}`}
            className="align-top"
          >
            <Td>{row.productName}</Td>
            <Td>
              <EditionLabel product={row.product} edition={row.edition} />
              {row.free && <span className="ml-1 text-xs text-slate-500">(free)</span>}
            </Td>
            <Td>
              <Link
                href={`/inventory/installed-software?q=${encodeURIComponent(row.instanceId)}`}
                aria-label={`${row.instanceId}: all software installed on it`}
                title="All software installed on this instance"
                className="font-mono text-xs text-brand-700 hover:underline"
              >
                {row.instanceId}
              </Link>
              <span className="block text-xs text-slate-500">
                {[row.instanceName, row.state].filter(Boolean).join(" · ")}
              </span>
              {row.unknownReason && (
                <span className="block text-xs text-amber-800">Software not current ({row.unknownReason})</span>
              )}
            </Td>
            <Td>
              {row.accountId}
              {row.accountAlias && <span className="block text-xs text-slate-500">{row.accountAlias}</span>}
            </Td>
            <Td>{row.region}</Td>
            <Td>{row.versions.join(", ") || "—"}</Td>
            <Td className="min-w-[20rem] whitespace-normal">
              <EvidenceList evidence={row.evidence} className="text-xs text-slate-700" />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
