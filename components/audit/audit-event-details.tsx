import type { ReactNode } from "react";
import type { AuditEventRow } from "@/lib/audit";

// The event's stored details (JSON written by recordAuditEvent) as one line per field; text that
// is not JSON is shown as it is. Nested values are pretty-printed, wrapped, never cut.
function detailEntries(details: string | null): [string, string][] | string | null {
  if (!details) return null;
  try {
    const parsed: unknown = JSON.parse(details);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      return Object.entries(parsed).map(([key, value]) => [
        key,
        typeof value === "string" ? value : JSON.stringify(value, null, 2),
      ]);
    }
    return JSON.stringify(parsed, null, 2);
  } catch {
    return details;
  }
}

function Line({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="whitespace-pre-wrap break-words font-mono text-xs text-slate-900 [overflow-wrap:anywhere]">
        {children}
      </dd>
    </div>
  );
}

export function AuditEventDetails({ event }: { event: AuditEventRow }) {
  const entries = detailEntries(event.details);
  return (
    <dl className="space-y-1 text-sm" data-testid="audit-event-details">
      <Line term="Time (UTC)">{event.createdAt}</Line>
      <Line term="Action">{event.action}</Line>
      <Line term="Actor">{event.actorEmail ?? "—"}</Line>
      <Line term="Target type">{event.targetType ?? "—"}</Line>
      <Line term="Target">{event.target ?? "—"}</Line>
      <Line term="IP address">{event.ip ?? "—"}</Line>
      <Line term="Event ID">{event.id}</Line>
      {typeof entries === "string" && <Line term="Details">{entries}</Line>}
      {Array.isArray(entries) &&
        entries.map(([key, value]) => (
          <Line key={key} term={key}>
            {value}
          </Line>
        ))}
    </dl>
  );
}
