import "server-only";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { TOKEN_AUDIT } from "./audit";

// Revokes a token: the next request carrying it gets 401. The row stays, marked revoked.
export async function revokeApiToken(id: string, actor: AuditActor, ip: string | null = null): Promise<void> {
  const db = getDb();
  const token = await db.apiToken.findUnique({
    where: { id },
    select: { id: true, name: true, role: true, revokedAt: true },
  });
  if (!token) throw new NotFoundError("API token not found");
  // Conditional update: two concurrent revocations record one event.
  const { count } = await db.apiToken.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date(), revokedById: actor?.id ?? null },
  });
  if (count === 0) throw new ConflictError("This API token is already revoked");
  await recordAuditEvent({
    action: TOKEN_AUDIT.revoked,
    actor,
    ip,
    targetType: "api_token",
    targetId: token.id,
    target: token.name,
    details: { role: token.role },
  });
}
