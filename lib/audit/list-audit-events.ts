import "server-only";
import { getDb } from "../db";
import { MAX_PAGE } from "../http/page-param";
import type { AuditFilter } from "./audit-filter";
import { auditWhere } from "./audit-where";

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

export const AUDIT_ROW_SELECT = {
  id: true,
  createdAt: true,
  actorEmail: true,
  action: true,
  targetType: true,
  target: true,
  ip: true,
  details: true,
} as const;
// Newest first, on (createdAt, id) so paging is stable when events share a timestamp.
export const AUDIT_ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export async function listAuditEvents(options: { page?: number; filter?: AuditFilter } = {}) {
  // A page past MAX_PAGE (or not a whole number) would overflow Prisma's `skip`: a 500, not a page.
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), MAX_PAGE);
  const where = auditWhere(options.filter ?? {});
  const [rows, total] = await Promise.all([
    getDb().auditEvent.findMany({
      where,
      orderBy: AUDIT_ORDER,
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: AUDIT_ROW_SELECT,
    }),
    getDb().auditEvent.count({ where }),
  ]);
  const events: AuditEventRow[] = rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  return { events, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

// The choices of the page's Actor and Action filters: every value the log holds, sorted.
export async function listAuditFacets(): Promise<{ actors: string[]; actions: string[] }> {
  const [actors, actions] = await Promise.all([
    getDb().auditEvent.groupBy({ by: ["actorEmail"], where: { actorEmail: { not: null } } }),
    getDb().auditEvent.groupBy({ by: ["action"] }),
  ]);
  const sorted = (values: (string | null)[]) =>
    values.filter((value): value is string => Boolean(value)).sort((a, b) => a.localeCompare(b));
  return { actors: sorted(actors.map((row) => row.actorEmail)), actions: sorted(actions.map((row) => row.action)) };
}
