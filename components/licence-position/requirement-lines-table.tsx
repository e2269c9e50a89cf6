import type { LicenceLineRow } from "@/lib/inventory/licence-position/types";
import { Table, Td, Th } from "@/components/ui/table";
import { hasEditions } from "./edition-label";
import { EvidenceList } from "./evidence-list";

const KIND_LABELS: Record<LicenceLineRow["resourceKind"], string> = {
  "ec2-instance": "EC2 instance",
  "dedicated-host": "Dedicated host",
  "rds-db-instance": "RDS DB instance",
};

// The rows behind a figure, each with the rule's arithmetic in words and the facts it rests on:
// what an auditor reads to check the number.
export function RequirementLinesTable({ lines }: { lines: LicenceLineRow[] }) {
  return (
    <Table data-testid="requirement-lines">
      <caption className="sr-only">Requirement lines with their arithmetic</caption>
      <thead>
        <tr>
          <Th>Resource</Th>
          <Th>Account</Th>
          <Th>Region</Th>
          <Th>Product</Th>
          <Th>Basis</Th>
          <Th className="text-right">Quantity</Th>
          <Th>Arithmetic</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {lines.map((line) => (
          <tr
            key={`${line.resourceKind}|${line.accountId}|${line.region}|${line.resourceId}|${line.product}|${line.edition}|${line.metric}`}
            data-testid="requirement-line"
            data-resource-id={line.resourceId}
            className="align-top"
          >
            <Td className="min-w-[10rem] whitespace-normal">
              <span className="block font-mono text-xs">{line.resourceId}</span>
              <span className="block text-xs text-slate-500">
                {KIND_LABELS[line.resourceKind]}
                {line.resourceName ? ` · ${line.resourceName}` : ""}
                {line.state ? ` · ${line.state}` : ""}
              </span>
            </Td>
            <Td>
              {line.accountId}
              {line.accountAlias && <span className="block text-xs text-slate-500">{line.accountAlias}</span>}
            </Td>
            <Td>{line.region}</Td>
            <Td className="whitespace-normal">
              {line.productName}
              <span className="block text-xs text-slate-500">
                {line.edition ?? (hasEditions(line.product) ? "edition not recognised" : "")}
              </span>
            </Td>
            <Td className="whitespace-normal">{line.basis}</Td>
            <Td className="text-right tabular-nums">
              <span className="block" data-testid="line-quantity">
                {line.quantity === null ? <span className="text-amber-800">no figure</span> : line.quantity}
              </span>
              <span className="block text-xs text-slate-500">{line.metric}</span>
            </Td>
            <Td className="min-w-[16rem] whitespace-normal">
              <p data-testid="line-arithmetic">{line.arithmetic}</p>
              {line.flags.length > 0 && (
                <ul className="mt-1 list-disc pl-4 text-xs text-amber-900">
                  {line.flags.map((flag) => (
                    <li key={flag}>{flag}</li>
                  ))}
                </ul>
              )}
              {line.evidence.length > 0 && (
                <EvidenceList evidence={line.evidence} className="mt-1 text-xs text-slate-600" />
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
