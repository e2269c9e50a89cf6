import "server-only";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { TOKEN_AUDIT } from "./audit";
import type { CreateApiTokenInput } from "./schemas";
import { DISPLAY_PREFIX_LENGTH, generateTokenSecret, hashTokenSecret } from "./token-secret";

// Creates a token and returns its value: the only time it exists outside the caller's hands.
// Only its SHA-256 and a short display prefix are stored; the audit event names, never holds, it.
export async function createApiToken(input: CreateApiTokenInput, actor: AuditActor, ip: string | null = null) {
  const token = generateTokenSecret();
  const row = await getDb().apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      tokenHash: hashTokenSecret(token),
      createdById: actor?.id ?? null,
    },
    select: { id: true, name: true, role: true },
  });
  await recordAuditEvent({
    action: TOKEN_AUDIT.created,
    actor,
    ip,
    targetType: "api_token",
    targetId: row.id,
    target: row.name,
    details: { role: row.role },
  });
  return { token, id: row.id };
}
