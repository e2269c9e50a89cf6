import "server-only";
import type { Role } from "../auth/roles";
import { getDb } from "../db";
import { hashesMatch, hashTokenSecret, looksLikeToken } from "./token-secret";

export type ApiTokenIdentity = { id: string; name: string; role: Role };

const LAST_USED_RESOLUTION_MS = 60_000;

// The token's identity, or null for anything unknown, malformed or revoked. The lookup is by
// the SHA-256 of the presented value, so response time reveals nothing about stored tokens;
// the final comparison is constant-time anyway. lastUsedAt is written at most once a minute
// so a busy API client does not turn every read into a write.
export async function authenticateApiToken(bearer: string | null | undefined): Promise<ApiTokenIdentity | null> {
  if (!bearer || !looksLikeToken(bearer)) return null;
  const hash = hashTokenSecret(bearer);
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, name: true, role: true, tokenHash: true, revokedAt: true },
  });
  if (!row || row.revokedAt || !hashesMatch(row.tokenHash, hash)) return null;
  const now = new Date();
  await db.apiToken.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
  return { id: row.id, name: row.name, role: row.role as Role };
}
