"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { InventoryType, SightingView } from "@/lib/inventory/query/types";
import { fieldLabel } from "./field-label";
import { formatDate, staleTitle, visibleText } from "./format";
import { useInventoryItem } from "./use-inventory";
import { VcpuSourceNote } from "./vcpu-source";

type Props = { type: InventoryType; id: string | null; onClose(): void };

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// A side panel over the table with everything stored about one resource. Escape or the close
// button closes it; focus moves into it on open, Tab cycles inside it (the table behind is
// covered), and on close focus returns to where it was (the row that opened it).
export function InventoryDetailDrawer({ type, id, onClose }: Props) {
  const { data: item, error, isPending } = useInventoryItem(type, id);
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const open = id !== null;
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => before?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
      if (event.key === "Tab" && dialogRef.current) trapTab(event, dialogRef.current);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, onClose]);
  if (id === null) return null;
  return (
    <div className="fixed inset-0 z-40 flex justify-end bg-slate-900/30" onClick={onClose}>
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="inventory-drawer-title"
        className="h-full w-full max-w-2xl overflow-y-auto bg-white p-6 shadow-xl"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="mb-4 flex items-start justify-between gap-4">
          <h2 id="inventory-drawer-title" className="font-mono text-base font-semibold text-slate-900">
            {item ? (
              visibleText(item.resourceId)
            ) : error ? (
              "Not available"
            ) : (
              <span className="block h-5 w-56 animate-pulse rounded bg-slate-200">
                <span className="sr-only">Loading</span>
              </span>
            )}
          </h2>
          <button
            ref={closeRef}
            type="button"
            onClick={onClose}
            className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            aria-label="Close"
          >
            ✕
          </button>
        </div>
        {isPending && <DrawerSkeleton />}
        {error && <Alert tone="error">{error.message}</Alert>}
        {item && (
          <div className="space-y-6 text-sm">
            <div className="flex flex-wrap gap-2">
              {item.removedAt && (
                <Badge tone="red">
                  {item.removedReason === "out-of-scope" ? "Out of scope since" : "Removed"}{" "}
                  {formatDate(item.removedAt)}
                </Badge>
              )}
              {item.stale && <Badge tone="amber">Stale</Badge>}
            </div>
            {item.stale && (
              <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
                {staleTitle(item.stale)}. The values below may be out of date.
              </p>
            )}
            <VcpuSourceNote data={item.data} />
            <Section title="Seen">
              <Fields
                entries={[
                  ["First seen", formatDate(item.firstSeenAt)],
                  ["Last seen", formatDate(item.lastSeenAt)],
                  ["Removed", formatDate(item.removedAt)],
                  ["Account", item.accountAlias ? `${item.accountAlias} (${item.accountId})` : item.accountId],
                  ["Region", item.region],
                  ["Newest observation by", item.connectionName ?? item.connectionId],
                ]}
              />
            </Section>
            <Section title="Seen by">
              <ul className="space-y-1" data-testid="seen-by">
                {item.sightings.map((sighting) => (
                  <li key={sighting.connectionId} className="flex justify-between gap-4">
                    <span className="font-medium">{sighting.connectionName ?? "Deleted connection"}</span>
                    <span className="text-slate-500">{sightingText(sighting)}</span>
                  </li>
                ))}
              </ul>
            </Section>
            <Section title="Fields">
              <Fields
                entries={Object.entries(item.data).map(([key, value]) => [fieldLabel(type, key), display(value)])}
              />
            </Section>
            <Section title="Tags">
              {Object.keys(item.tags).length === 0 ? (
                <p className="text-slate-500">No tags.</p>
              ) : (
                <Fields entries={Object.entries(item.tags)} />
              )}
            </Section>
            <Section title="History">
              {item.history.length === 0 ? (
                <p className="text-slate-500">No recorded changes.</p>
              ) : (
                <ol className="space-y-2" data-testid="history">
                  {item.history.map((event) => (
                    <li key={event.id} className="rounded border border-slate-200 p-2">
                      <div className="flex justify-between">
                        <span className="font-medium capitalize">{event.kind}</span>
                        <span className="text-slate-500">{formatDate(event.at)}</span>
                      </div>
                      {event.changes != null && (
                        <pre className="mt-1 overflow-x-auto text-xs text-slate-600">
                          {visibleText(JSON.stringify(event.changes, null, 2))}
                        </pre>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </Section>
            <Section title="Raw API JSON">
              <pre
                data-testid="raw-json"
                className="max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
              >
                {visibleText(JSON.stringify(item.raw, null, 2))}
              </pre>
            </Section>
          </div>
        )}
      </div>
    </div>
  );
}

// Keeps Tab and Shift+Tab among the dialog's controls: from the last to the first and back.
function trapTab(event: KeyboardEvent, dialog: HTMLElement) {
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.offsetParent !== null || element === document.activeElement,
  );
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const inside = dialog.contains(document.activeElement);
  if (event.shiftKey && (document.activeElement === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}

function DrawerSkeleton() {
  return (
    <div className="space-y-3" aria-busy="true" data-testid="drawer-skeleton">
      <span className="sr-only" role="status">
        Loading the resource
      </span>
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="grid grid-cols-[8rem_1fr] gap-4">
          <div className="h-3 animate-pulse rounded bg-slate-200" />
          <div className={`h-3 animate-pulse rounded bg-slate-200 ${index % 2 ? "w-1/2" : "w-3/4"}`} />
        </div>
      ))}
    </div>
  );
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

function Fields({ entries }: { entries: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-slate-500">{visibleText(key)}</dt>
          <dd className="break-all text-slate-900">{visibleText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

// One connection's view: when it first and last saw the resource, and why it stopped.
function sightingText(sighting: SightingView): string {
  const seen = `${formatDate(sighting.firstSeenAt)} – ${formatDate(sighting.lastSeenAt)}`;
  if (!sighting.endedAt) return `${seen}, still sees it`;
  const why =
    {
      "not-seen": "gone from its last successful read",
      "out-of-scope": "no longer in its scope",
      "connection-deleted": "connection deleted",
    }[sighting.endReason ?? ""] ?? "ended";
  return `${seen}; ${why} ${formatDate(sighting.endedAt)}`;
}
