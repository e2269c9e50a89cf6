import type { PositionGroup } from "@/lib/inventory/licence-position/types";
import { Table, Td, Th } from "@/components/ui/table";
import { productEditionName } from "./edition-label";
import { FigureLink } from "./figure-link";
import { linesHref } from "./position-href";

// BYOL needs per account: where the customer's own entitlements are consumed. Licence-included
// and free lines need none, so only their line counts would show here.
export function PositionByAccountTable({ groups }: { groups: PositionGroup[] }) {
  const rows = groups
    .filter((g) => g.byBasis.BYOL.lines > 0)
    .flatMap((g) => g.byAccount.filter((a) => a.byBasis.BYOL.lines > 0).map((a) => ({ g, a })));
  if (rows.length === 0) return <p className="text-sm text-slate-600">No BYOL requirement in any account.</p>;
  return (
    <Table data-testid="position-by-account">
      <caption className="sr-only">BYOL requirements per account</caption>
      <thead>
        <tr>
          <Th>Product</Th>
          <Th>Metric</Th>
          <Th>Account</Th>
          <Th className="text-right">BYOL required</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(({ g, a }) => (
          <tr key={`${g.product}|${g.edition}|${g.metric}|${a.accountId}`}>
            <Td>{productEditionName(g.productName, g.product, g.edition)}</Td>
            <Td>{g.metric}</Td>
            <Td>
              {a.accountId}
              {a.accountAlias && <span className="ml-1 text-slate-500">({a.accountAlias})</span>}
            </Td>
            <Td className="text-right">
              <FigureLink
                figure={a.byBasis.BYOL}
                href={linesHref(g, { basis: "BYOL", account: a.accountId })}
                label={`${productEditionName(g.productName, g.product, g.edition)}, BYOL ${g.metric} in ${a.accountId}`}
              />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
