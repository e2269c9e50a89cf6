"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditEventRow } from "@/lib/audit";
import { AuditEventDetails } from "./audit-event-details";

type Props = {
  events: AuditEventRow[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
  filtered: boolean;
};

// A one-line summary of the details for the collapsed row; the full text is one click away.
function detailSummary(details: string | null): string {
  if (!details) return "";
  try {
    const parsed: unknown = JSON.parse(details);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return Object.keys(parsed).join(", ");
  } catch {
    // shown as stored
  }
  return details;
}

const pageHref = (query: string, page: number) =>
  `?${[query, page > 1 ? `page=${page}` : ""].filter(Boolean).join("&")}`;

export function AuditLogTable({ events, total, page, pageCount, query, filtered }: Props) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="space-y-3">
      <Table aria-label="Audit events">
        <thead>
          <tr>
            <Th>Time (UTC)</Th>
            <Th>Action</Th>
            <Th>Actor</Th>
            <Th>Target</Th>
            <Th>IP</Th>
            <Th>Details</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => {
            const expanded = open.has(event.id);
            const detailId = `audit-detail-${event.id}`;
            return (
              <Fragment key={event.id}>
                <tr data-testid="audit-row" data-event-id={event.id} className={expanded ? "bg-slate-50" : undefined}>
                  <Td className="font-mono text-xs">{event.createdAt.replace("T", " ").slice(0, 19)}</Td>
                  <Td className="font-mono text-xs">{event.action}</Td>
                  <Td>{event.actorEmail ?? "—"}</Td>
                  <Td className="max-w-56 truncate">{event.target ?? "—"}</Td>
                  <Td className="font-mono text-xs">{event.ip ?? "—"}</Td>
                  {/* Last, so the columns keep the order they had before rows expanded. */}
                  <Td className="py-1">
                    <button
                      type="button"
                      onClick={() => toggle(event.id)}
                      aria-expanded={expanded}
                      aria-controls={detailId}
                      className="inline-flex max-w-64 items-center gap-1 rounded px-1.5 py-1 text-left text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                    >
                      {expanded ? (
                        <ChevronDown aria-hidden className="size-4 shrink-0" />
                      ) : (
                        <ChevronRight aria-hidden className="size-4 shrink-0" />
                      )}
                      <span className="sr-only">{`${expanded ? "Hide" : "Show"} details of ${event.action} at ${event.createdAt}: `}</span>
                      <span className="truncate">{detailSummary(event.details) || "Show"}</span>
                    </button>
                  </Td>
                </tr>
                {expanded && (
                  <tr id={detailId} data-testid="audit-row-detail">
                    <td colSpan={6} className="bg-slate-50 px-4 py-3">
                      <AuditEventDetails event={event} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
          {events.length === 0 && (
            <tr>
              <Td colSpan={6} className="py-8 text-center text-slate-600">
                {filtered ? "No events match these filters." : "No events recorded."}
              </Td>
            </tr>
          )}
        </tbody>
      </Table>
      <nav aria-label="Audit log pages" className="flex items-center justify-between text-sm text-slate-600">
        <span data-testid="audit-total">
          {total} {total === 1 ? "event" : "events"}
          {filtered ? " match" : ""} · page {page} of {pageCount}
        </span>
        <span className="flex gap-3">
          {page > 1 && <Link href={pageHref(query, page - 1)}>Newer</Link>}
          {page < pageCount && <Link href={pageHref(query, page + 1)}>Older</Link>}
        </span>
      </nav>
    </div>
  );
}
