"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { purgeConnectionHistoryAction } from "@/app/(dashboard)/connections/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

export type DeletedConnectionRow = {
  connectionId: string;
  name: string;
  runs: number;
  sightings: number;
  lastRunAt: string | null;
};

// Deleted connections whose history is kept (their resources left the live inventory, their
// runs and sightings stay for audits), each with an irreversible purge. Admins only.
export function DeletedConnectionsPanel({ rows }: { rows: DeletedConnectionRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  if (!rows.length) return null;
  const purge = (row: DeletedConnectionRow) => {
    const question = `Purge the history of the deleted connection "${row.name}"? Its ${row.runs} runs, ${row.sightings} sightings and the changes it observed are removed for good; resources no other connection saw go with them.`;
    if (!window.confirm(question)) return;
    startTransition(async () => {
      const result = await purgeConnectionHistoryAction({ id: row.connectionId });
      setError(result.error);
      router.refresh();
    });
  };
  return (
    <Card className="mt-6 p-4" data-testid="deleted-connections">
      <h2 className="mb-1 text-sm font-semibold text-slate-900">Deleted connections with history</h2>
      <p className="mb-3 text-xs text-slate-500">
        Their resources left the live inventory; their runs and what they saw stay for audits until purged.
      </p>
      <Table aria-label="Deleted connections with history">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th className="text-right">Runs</Th>
            <Th className="text-right">Sightings</Th>
            <Th>Last run (UTC)</Th>
            <Th />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.connectionId} data-testid={`deleted-connection-${row.name}`}>
              <Td className="font-medium">{row.name}</Td>
              <Td className="text-right tabular-nums">{row.runs}</Td>
              <Td className="text-right tabular-nums">{row.sightings}</Td>
              <Td className="font-mono text-xs">{row.lastRunAt?.replace("T", " ").slice(0, 16) ?? "—"}</Td>
              <Td className="text-right">
                <Button variant="danger" disabled={pending} onClick={() => purge(row)}>
                  Purge history
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {error && <p className="mt-2 text-xs text-red-600">{error}</p>}
    </Card>
  );
}
