import type { PositionGroup } from "@/lib/inventory/licence-position/types";
import { Table, Td, Th } from "@/components/ui/table";
import { EditionLabel, productEditionName } from "./edition-label";
import { FigureLink } from "./figure-link";
import { linesHref } from "./position-href";

const COLUMNS = [
  { basis: "BYOL", label: "BYOL (your licences)" },
  { basis: "licence included", label: "Licence included" },
  { basis: "free edition", label: "Free edition" },
  { basis: "unknown", label: "Basis unknown" },
] as const;

const name = (g: PositionGroup) => productEditionName(g.productName, g.product, g.edition);

// Per product + edition + metric: what the rules require in total and by basis; every figure
// opens the lines it sums.
export function PositionSummaryTable({ groups }: { groups: PositionGroup[] }) {
  return (
    <Table data-testid="position-summary">
      <caption className="sr-only">Licence requirements per product, edition and metric</caption>
      <thead>
        <tr>
          <Th>Product</Th>
          <Th>Edition</Th>
          <Th>Metric</Th>
          <Th className="text-right">Required by rule</Th>
          {COLUMNS.map((c) => (
            <Th key={c.basis} className="text-right">
              {c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.map((g) => (
          <tr key={`${g.product}|${g.edition}|${g.metric}`} data-product={g.product} data-edition={g.edition ?? ""}>
            <Td>{g.productName}</Td>
            <Td>
              <EditionLabel product={g.product} edition={g.edition} />
            </Td>
            <Td>{g.metric}</Td>
            <Td className="text-right">
              <FigureLink figure={g.total} href={linesHref(g)} label={`${name(g)}, all ${g.metric}`} />
            </Td>
            {COLUMNS.map((c) => (
              <Td key={c.basis} className="text-right">
                <FigureLink
                  figure={g.byBasis[c.basis]}
                  href={linesHref(g, { basis: c.basis })}
                  label={`${name(g)}, ${c.basis} ${g.metric}`}
                />
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
