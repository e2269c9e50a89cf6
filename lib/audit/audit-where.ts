import "server-only";
import { getDatabaseTarget } from "../db";
import { actionPrefix, auditTimeRange, type AuditFilter } from "./audit-filter";

type Where = Record<string, unknown>;

// Prisma's `mode: "insensitive"` exists only on PostgreSQL; SQLite's LIKE (what `contains`
// becomes) is already case-insensitive for ASCII.
function insensitive(): { mode?: "insensitive" } {
  return getDatabaseTarget().provider === "postgresql" ? { mode: "insensitive" } : {};
}

const SEARCHED_COLUMNS = ["actorEmail", "action", "targetType", "target", "ip", "details"] as const;

export function auditWhere(filter: AuditFilter): Where {
  const and: Where[] = [];
  if (filter.actor) and.push({ actorEmail: filter.actor });
  if (filter.action) {
    const prefix = actionPrefix(filter.action);
    and.push({ action: prefix === null ? filter.action : { startsWith: prefix } });
  }
  const range = auditTimeRange(filter);
  if (range.gte || range.lt) and.push({ createdAt: range });
  if (filter.q) {
    const contains = { contains: filter.q, ...insensitive() };
    and.push({ OR: SEARCHED_COLUMNS.map((column) => ({ [column]: contains })) });
  }
  return and.length ? { AND: and } : {};
}
