import { Badge } from "@/components/ui/badge";
import type { CheckEvent } from "@/lib/connections/probe";

const TONES: Record<string, "green" | "red" | "amber" | "neutral" | "blue"> = {
  ok: "green",
  running: "blue",
  warning: "amber",
  skipped: "neutral",
  "region-not-enabled": "neutral",
  throttled: "amber",
};

const LABELS: Record<string, string> = { "region-not-enabled": "region not enabled", "assume-role-failed": "assume role failed" };

export function CheckStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "red"}>{LABELS[status] ?? status}</Badge>;
}

// The Test Connection checklist: general steps first, then one block per account.
export function CheckList({ events }: { events: CheckEvent[] }) {
  const general = events.filter((event) => !event.accountId);
  const accounts = [...new Set(events.filter((event) => event.accountId).map((event) => event.accountId!))];
  return (
    <div className="space-y-4" data-testid="check-list">
      <ul className="space-y-1">
        {general.map((event) => (
          <CheckRow key={event.id} event={event} />
        ))}
      </ul>
      {accounts.map((accountId) => (
        <div key={accountId} className="rounded-md border border-slate-200 p-3" data-testid={`account-${accountId}`}>
          <h4 className="mb-2 font-mono text-sm font-semibold">Account {accountId}</h4>
          <AccountChecks events={events.filter((event) => event.accountId === accountId)} />
        </div>
      ))}
    </div>
  );
}

function CheckRow({ event }: { event: CheckEvent }) {
  return (
    <li className="text-sm" data-testid="check" data-check-id={event.id} data-status={event.status}>
      <div className="flex flex-wrap items-center gap-2">
        <CheckStatusBadge status={event.status} />
        <span className="font-medium">{event.label}</span>
        {event.region && <span className="font-mono text-xs text-slate-500">{event.region}</span>}
        {event.action && <span className="font-mono text-xs text-slate-500">{event.action}</span>}
        {event.errorCode && <span className="font-mono text-xs text-red-700">{event.errorCode}</span>}
      </div>
      {event.message && <p className="ml-1 mt-0.5 text-xs text-slate-600">{event.message}</p>}
      {event.hint && <p className="ml-1 text-xs text-slate-500">{event.hint}</p>}
    </li>
  );
}

// Per account: its own checks as rows, then a region x API grid; failing cells are explained
// below the grid, so a denied action is named with its code and hint.
function AccountChecks({ events }: { events: CheckEvent[] }) {
  const isCell = (event: CheckEvent) => event.step === "api" && !!event.region && event.region !== "global";
  const cells = events.filter(isCell);
  const regions = [...new Set(cells.map((event) => event.region!))];
  const actions = [...new Set(cells.map((event) => event.action ?? event.label))];
  const problems = cells.filter((event) => !["ok", "running", "skipped"].includes(event.status));
  return (
    <div className="space-y-2">
      <ul className="space-y-1">
        {events.filter((event) => !isCell(event)).map((event) => (
          <CheckRow key={event.id} event={event} />
        ))}
      </ul>
      {cells.length > 0 && (
        <div className="overflow-x-auto">
          <table className="text-xs">
            <thead>
              <tr>
                <th className="pr-3 text-left font-medium text-slate-500">Region</th>
                {actions.map((action) => (
                  <th key={action} title={cells.find((event) => (event.action ?? event.label) === action)?.label} className="px-1 text-left font-mono font-normal text-slate-500">
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
                    const cell = cells.find((event) => event.region === region && (event.action ?? event.label) === action);
                    return (
                      <td key={action} className="px-1 py-0.5" data-testid="check" data-check-id={cell?.id} data-status={cell?.status}>
                        {cell && <span title={cell.message}><CheckStatusBadge status={cell.status} /></span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="space-y-1">
          {problems.map((event) => (
            <CheckRow key={event.id} event={{ ...event, id: `${event.id}:detail` }} />
          ))}
        </ul>
      )}
    </div>
  );
}
