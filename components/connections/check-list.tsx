"use client";

import { useId } from "react";
import { summarizeChecks } from "@/lib/connections/probe/summary";
import type { CheckEvent } from "@/lib/connections/probe/types";
import { checkAnchor, type AnchorOf } from "./check-anchor";
import { checklistLayout, type AccountLayout } from "@/lib/connections/probe/checklist-layout";
import { CheckStatusBadge } from "./check-status-badge";
import { TestSummary } from "./test-summary";

export { CheckStatusBadge };

// Where a problem link lands: the row or cell is outlined while it is the page's target.
const TARGET = "scroll-mt-24 rounded target:outline target:outline-2 target:outline-offset-2 target:outline-brand-600";

// The Test Connection result: the summary and the problems first, then the checklist (general
// steps, then one block per account).
export function CheckList({ events }: { events: CheckEvent[] }) {
  const prefix = useId();
  const anchorOf: AnchorOf = (checkId) => checkAnchor(prefix, checkId);
  const layout = checklistLayout(events);
  return (
    <div className="space-y-4" data-testid="check-list">
      <TestSummary summary={summarizeChecks(layout.ordered)} anchorOf={anchorOf} />
      <ul className="space-y-1">
        {layout.general.map((event) => (
          <CheckRow key={event.id} event={event} anchorOf={anchorOf} />
        ))}
      </ul>
      {layout.accounts.map((account) => (
        <div
          key={account.accountId}
          className="rounded-md border border-slate-200 p-3"
          data-testid={`account-${account.accountId}`}
        >
          <h4 className="mb-2 font-mono text-sm font-semibold">Account {account.accountId}</h4>
          <AccountChecks account={account} anchorOf={anchorOf} />
        </div>
      ))}
    </div>
  );
}

function CheckRow({ event, anchorOf }: { event: CheckEvent; anchorOf: AnchorOf }) {
  return (
    <li
      id={anchorOf(event.id)}
      className={`text-sm ${TARGET}`}
      data-testid="check"
      data-check-id={event.id}
      data-status={event.status}
    >
      <div className="flex flex-wrap items-center gap-2">
        <CheckStatusBadge status={event.status} />
        <span className="font-medium">{event.label}</span>
        {event.region && <span className="font-mono text-xs text-slate-500">{event.region}</span>}
        {event.action && <span className="font-mono text-xs text-slate-500">{event.action}</span>}
        {event.errorCode && <span className="font-mono text-xs text-red-700">{event.errorCode}</span>}
      </div>
      {event.message && <p className="ml-1 mt-0.5 break-words text-xs text-slate-600">{event.message}</p>}
      {event.hint && <p className="ml-1 break-words text-xs text-slate-500">{event.hint}</p>}
    </li>
  );
}

// Per account: its own checks as rows, then a region x API grid. A failing cell's code, message
// and hint are in the problem list at the top, which links here.
function AccountChecks({ account, anchorOf }: { account: AccountLayout; anchorOf: AnchorOf }) {
  const { rows, regions, actions, cell: cellAt } = account;
  return (
    <div className="space-y-2">
      <ul className="space-y-1">
        {rows.map((event) => (
          <CheckRow key={event.id} event={event} anchorOf={anchorOf} />
        ))}
      </ul>
      {regions.length > 0 && (
        // Focusable so a keyboard can scroll a grid wider than the panel.
        <div
          className="overflow-x-auto"
          role="region"
          aria-label={`API checks by region in ${account.accountId}`}
          tabIndex={0}
        >
          <table className="text-xs">
            <thead>
              <tr>
                <th className="pr-3 text-left font-medium text-slate-500">Region</th>
                {actions.map((action) => (
                  <th
                    key={action}
                    title={regions.map((region) => cellAt(region, action)).find(Boolean)?.label}
                    className="px-1 text-left font-mono font-normal text-slate-500"
                  >
                    {action.split(":")[1]?.replace(/^Describe/, "") ?? action}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {regions.map((region) => (
                <tr key={region}>
                  <td className="pr-3 font-mono">{region}</td>
                  {actions.map((action) => {
                    const cell = cellAt(region, action);
                    return (
                      <td
                        key={action}
                        id={cell && anchorOf(cell.id)}
                        className={`px-1 py-0.5 ${TARGET}`}
                        data-testid={cell ? "check" : undefined}
                        data-check-id={cell?.id}
                        data-status={cell?.status}
                      >
                        {cell && (
                          <span title={cell.message}>
                            <CheckStatusBadge status={cell.status} />
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
