import "server-only";
import { getDb } from "../db";
import { MAX_PAGE } from "../http/page-param";

export type AuditEventRow = {
  id: string;
  createdAt: string;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  target: string | null;
  ip: string | null;
  details: string | null;
};

export const AUDIT_PAGE_SIZE = 50;

// Newest first, ordered on (createdAt, id) so paging is stable when events share a timestamp.
export async function listAuditEvents(options: { page?: number; action?: string } = {}) {
  // A page past MAX_PAGE (or not a whole number) would overflow Prisma's `skip`: a 500, not a page.
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), MAX_PAGE);
  const where = options.action ? { action: { startsWith: options.action } } : {};
  const [rows, total] = await Promise.all([
    getDb().auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, createdAt: true, actorEmail: true, action: true, targetType: true, target: true, ip: true, details: true },
    }),
    getDb().auditEvent.count({ where }),
  ]);
  const events: AuditEventRow[] = rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  return { events, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
