import "server-only";
import type { Role } from "../auth/roles";
import { getDb } from "../db";
import { effectiveTokenRole } from "./effective-role";
import { hashesMatch, hashTokenSecret, looksLikeToken } from "./token-secret";

export type ApiTokenIdentity = { id: string; name: string; role: Role };

const LAST_USED_RESOLUTION_MS = 60_000;

// The token's identity, or null for anything unknown, malformed, revoked or expired, and for a
// token whose creator is disabled or gone. The role is the lower of the token's own and its
// creator's current role, read on every request: demoting or disabling an admin takes effect on
// their tokens at once (SECURITY.md 12). A token without a creator (made by `npm run token` on
// the server itself) keeps its own role.
// The lookup is by the SHA-256 of the presented value, so response time reveals nothing about
// stored tokens; the final comparison is constant-time anyway. lastUsedAt is written at most
// once a minute so a busy API client does not turn every read into a write.
export async function authenticateApiToken(
  bearer: string | null | undefined,
  now = new Date(),
): Promise<ApiTokenIdentity | null> {
  if (!bearer || !looksLikeToken(bearer)) return null;
  const hash = hashTokenSecret(bearer);
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, name: true, role: true, tokenHash: true, revokedAt: true, expiresAt: true, createdById: true },
  });
  if (!row || row.revokedAt || !hashesMatch(row.tokenHash, hash)) return null;
  if (row.expiresAt && row.expiresAt <= now) return null;
  const creator = row.createdById
    ? await db.user.findUnique({ where: { id: row.createdById }, select: { role: true, disabledAt: true } })
    : undefined;
  const role = effectiveTokenRole(row.role as Role, row.createdById ? (creator ?? null) : undefined);
  if (!role) return null;
  await db.apiToken.updateMany({
    where: {
      id: row.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  return { id: row.id, name: row.name, role };
}
