import type { CheckEvent } from "./types";

// How the Test Connection checklist lays its checks out: the general steps, then one block per
// account (in the order accounts first appear) with its own rows, then a region x API grid. The
// problem list at the top follows the same order, so it reads like the checklist below it even
// when the probes of several accounts finished interleaved.

export type AccountLayout = {
  accountId: string;
  rows: CheckEvent[];
  regions: string[];
  actions: string[];
  cell(region: string, action: string): CheckEvent | undefined;
};

export type ChecklistLayout = { general: CheckEvent[]; accounts: AccountLayout[]; ordered: CheckEvent[] };

const isCell = (event: CheckEvent) => event.step === "api" && !!event.region && event.region !== "global";
export const actionOf = (event: CheckEvent) => event.action ?? event.label;

export function checklistLayout(events: readonly CheckEvent[]): ChecklistLayout {
  const general = events.filter((event) => !event.accountId);
  const accountIds = [...new Set(events.flatMap((event) => (event.accountId ? [event.accountId] : [])))];
  const accounts = accountIds.map((accountId): AccountLayout => {
    const own = events.filter((event) => event.accountId === accountId);
    const cells = own.filter(isCell);
    return {
      accountId,
      rows: own.filter((event) => !isCell(event)),
      regions: [...new Set(cells.map((event) => event.region!))],
      actions: [...new Set(cells.map(actionOf))],
      cell: (region, action) => cells.find((event) => event.region === region && actionOf(event) === action),
    };
  });
  const ordered = [
    ...general,
    ...accounts.flatMap((account) => [
      ...account.rows,
      ...account.regions.flatMap((region) => account.actions.flatMap((action) => account.cell(region, action) ?? [])),
    ]),
  ];
  return { general, accounts, ordered };
}
