"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { RunScopeRow } from "@/lib/collector";
import { formatCount, formatDuration } from "./format";
import { ScopeStatusBadge } from "./run-status";

// Failed scopes first (they are what a reader came for), then the ones still going.
const ORDER: Record<RunScopeRow["status"], number> = { failed: 0, running: 1, pending: 2, skipped: 3, succeeded: 4 };

type Filter = "all" | "failed";

export function RunScopesTable({ scopes }: { scopes: RunScopeRow[] }) {
  const [filter, setFilter] = useState<Filter>("all");
  const failed = scopes.filter((scope) => scope.status === "failed").length;
  const shown = scopes
    .filter((scope) => filter === "all" || scope.status === "failed")
    .sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <div>
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 className="text-sm font-semibold">Scopes</h2>
        <div className="flex gap-1" role="group" aria-label="Show scopes">
          <Button
            size="sm"
            variant={filter === "all" ? "secondary" : "ghost"}
            aria-pressed={filter === "all"}
            onClick={() => setFilter("all")}
          >
            All ({scopes.length})
          </Button>
          <Button
            size="sm"
            variant={filter === "failed" ? "secondary" : "ghost"}
            aria-pressed={filter === "failed"}
            onClick={() => setFilter("failed")}
          >
            Failed ({failed})
          </Button>
        </div>
      </div>
      <Table aria-label="Scopes">
        <thead>
          <tr>
            <Th>Account</Th>
            <Th>Region</Th>
            <Th>Resource type</Th>
            <Th>Status</Th>
            <Th className="text-right">Items</Th>
            <Th className="text-right">Pages</Th>
            <Th className="text-right">Requests</Th>
            <Th className="text-right">Duration</Th>
            <Th>Error</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((scope) => (
            <tr
              key={scope.id}
              data-testid="scope-row"
              data-status={scope.status}
              className={scope.status === "failed" ? "bg-red-50/40" : undefined}
            >
              <Td className="font-mono text-xs">{scope.accountId}</Td>
              <Td className="font-mono text-xs">{scope.region}</Td>
              <Td>{scope.resourceType}</Td>
              <Td>
                <ScopeStatusBadge status={scope.status} />
              </Td>
              <Td className="text-right tabular-nums" data-testid="scope-items">
                {formatCount(scope.items)}
              </Td>
              <Td className="text-right tabular-nums">{formatCount(scope.pages)}</Td>
              <Td className="text-right tabular-nums">{formatCount(scope.requests)}</Td>
              <Td className="text-right tabular-nums">{formatDuration(scope.durationMs)}</Td>
              <Td className="min-w-64 max-w-md whitespace-normal text-xs">
                {scope.errorCode || scope.message ? (
                  <>
                    {scope.errorCode && <span className="font-mono font-medium text-red-700">{scope.errorCode}</span>}
                    {scope.message && <p className="text-slate-700">{scope.message}</p>}
                    {scope.hint && <p className="mt-0.5 text-slate-500">{scope.hint}</p>}
                  </>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <Td colSpan={9} className="py-8 text-center text-slate-500">
                {filter === "failed"
                  ? "No scope failed."
                  : "No scopes yet: they appear once the run has planned its accounts and regions."}
              </Td>
            </tr>
          )}
        </tbody>
      </Table>
    </div>
  );
}
