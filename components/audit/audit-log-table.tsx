import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditEventRow } from "@/lib/audit";

type Props = { events: AuditEventRow[]; total: number; page: number; pageCount: number };

export function AuditLogTable({ events, total, page, pageCount }: Props) {
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
          {events.map((event) => (
            <tr key={event.id}>
              <Td className="font-mono text-xs">{event.createdAt.replace("T", " ").slice(0, 19)}</Td>
              <Td className="font-mono text-xs">{event.action}</Td>
              <Td>{event.actorEmail ?? "—"}</Td>
              <Td>{event.target ?? "—"}</Td>
              <Td className="font-mono text-xs">{event.ip ?? "—"}</Td>
              <Td className="max-w-xs truncate font-mono text-xs" title={event.details ?? undefined}>
                {event.details ?? ""}
              </Td>
            </tr>
          ))}
          {events.length === 0 && (
            <tr>
              <Td colSpan={6} className="py-8 text-center text-slate-500">
                No events recorded.
              </Td>
            </tr>
          )}
        </tbody>
      </Table>
      <nav aria-label="Audit log pages" className="flex items-center justify-between text-sm text-slate-600">
        <span>
          {total} events · page {page} of {pageCount}
        </span>
        <span className="flex gap-3">
          {page > 1 && <Link href={`?page=${page - 1}`}>Newer</Link>}
          {page < pageCount && <Link href={`?page=${page + 1}`}>Older</Link>}
        </span>
      </nav>
    </div>
  );
}
