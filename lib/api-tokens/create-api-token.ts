import "server-only";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { TOKEN_AUDIT } from "./audit";
import { DEFAULT_TOKEN_EXPIRY, tokenExpiresAt, type CreateApiTokenInput } from "./schemas";
import { DISPLAY_PREFIX_LENGTH, generateTokenSecret, hashTokenSecret } from "./token-secret";

// Creates a token and returns its value: the only time it exists outside the caller's hands.
// Only its SHA-256 and a short display prefix are stored; the audit event names, never holds, it.
// The actor becomes the token's creator: the token never acts above the creator's current role.
// A null actor (the server-side CLI) makes a token that keeps its own role.
export async function createApiToken(input: CreateApiTokenInput, actor: AuditActor, ip: string | null = null) {
  const token = generateTokenSecret();
  const expiresIn = input.expiresIn ?? DEFAULT_TOKEN_EXPIRY;
  const row = await getDb().apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      tokenHash: hashTokenSecret(token),
      createdById: actor?.id ?? null,
      expiresAt: tokenExpiresAt(expiresIn),
    },
    select: { id: true, name: true, role: true, expiresAt: true },
  });
  await recordAuditEvent({
    action: TOKEN_AUDIT.created,
    actor,
    ip,
    targetType: "api_token",
    targetId: row.id,
    target: row.name,
    details: { role: row.role, expiresAt: row.expiresAt?.toISOString() ?? null },
  });
  return { token, id: row.id, expiresAt: row.expiresAt?.toISOString() ?? null };
}
