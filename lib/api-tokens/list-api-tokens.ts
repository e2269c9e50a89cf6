import "server-only";
import type { Role } from "../auth/roles";
import { getDb } from "../db";
import { effectiveTokenRole } from "./effective-role";

// "suspended": its creator is disabled or deleted, so requests carrying it get 401.
export type ApiTokenStatus = "active" | "revoked" | "expired" | "suspended";

export type ApiTokenRow = {
  id: string;
  name: string;
  role: Role;
  // What it acts as now: the lower of its role and its creator's; null when it cannot act.
  effectiveRole: Role | null;
  status: ApiTokenStatus;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

// Newest first; active and revoked alike (revoked rows stay for the record). Never the hash.
export async function listApiTokens(now = new Date()): Promise<ApiTokenRow[]> {
  const db = getDb();
  const rows = await db.apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      createdAt: true,
      createdById: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
  const creatorIds = [...new Set(rows.flatMap((row) => (row.createdById ? [row.createdById] : [])))];
  const creators = new Map(
    (
      await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, role: true, disabledAt: true } })
    ).map((user) => [user.id, user]),
  );
  return rows.map((row) => {
    const effectiveRole = effectiveTokenRole(
      row.role as Role,
      row.createdById ? (creators.get(row.createdById) ?? null) : undefined,
    );
    const status: ApiTokenStatus = row.revokedAt
      ? "revoked"
      : row.expiresAt && row.expiresAt <= now
        ? "expired"
        : effectiveRole
          ? "active"
          : "suspended";
    return {
      id: row.id,
      name: row.name,
      role: row.role as Role,
      effectiveRole: status === "active" ? effectiveRole : null,
      status,
      prefix: row.prefix,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      expiresAt: row.expiresAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
    };
  });
}
