import type { Basis } from "..";
import type { BasisFigures, Figure, LicenceLineRow, PositionGroup } from "./types";

export const BASES: readonly Basis[] = ["BYOL", "licence included", "free edition", "unknown"];

const emptyFigure = (): Figure => ({ quantity: 0, lines: 0, missing: 0 });
const emptyBases = (): BasisFigures => Object.fromEntries(BASES.map((basis) => [basis, emptyFigure()])) as BasisFigures;

/** What a group is keyed by, in positions and snapshots alike: product + edition + metric. */
export const groupKey = (g: { product: string; edition: string | null; metric: string }) =>
  `${g.product}|${g.edition ?? ""}|${g.metric}`;

// A line without a figure (quantity null) is counted as missing, never added as 0.
function add(figure: Figure, line: LicenceLineRow) {
  figure.lines += 1;
  if (line.quantity === null) figure.missing += 1;
  else figure.quantity += line.quantity;
}

/** The lines summed per product + edition + metric: in total, per basis and per account. */
export function aggregateLines(lines: readonly LicenceLineRow[]): PositionGroup[] {
  const groups = new Map<string, PositionGroup & { accounts: Map<string, PositionGroup["byAccount"][number]> }>();
  for (const line of lines) {
    const key = groupKey(line);
    let group = groups.get(key);
    if (!group) {
      group = {
        product: line.product,
        productName: line.productName,
        edition: line.edition,
        metric: line.metric,
        total: emptyFigure(),
        byBasis: emptyBases(),
        byAccount: [],
        accounts: new Map(),
      };
      groups.set(key, group);
    }
    add(group.total, line);
    add(group.byBasis[line.basis], line);
    let account = group.accounts.get(line.accountId);
    if (!account) {
      account = {
        accountId: line.accountId,
        accountAlias: line.accountAlias,
        total: emptyFigure(),
        byBasis: emptyBases(),
      };
      group.accounts.set(line.accountId, account);
    }
    add(account.total, line);
    add(account.byBasis[line.basis], line);
  }
  return [...groups.values()]
    .map(({ accounts, ...group }) => ({
      ...group,
      byAccount: [...accounts.values()].sort((a, b) => a.accountId.localeCompare(b.accountId)),
    }))
    .sort(
      (a, b) =>
        a.productName.localeCompare(b.productName) ||
        (a.edition ?? "").localeCompare(b.edition ?? "") ||
        a.metric.localeCompare(b.metric),
    );
}
