import "server-only";
import { getDb } from "../db";

export type AuditActor = { id: string; email: string } | null;

export type AuditEventInput = {
  action: string;
  actor?: AuditActor;
  targetType?: string;
  targetId?: string;
  target?: string;
  ip?: string | null;
  // Field names and counts only, never secret values.
  details?: Record<string, unknown>;
};

// Appends to the audit log. There is deliberately no update or delete counterpart.
export async function recordAuditEvent(event: AuditEventInput): Promise<void> {
  await getDb().auditEvent.create({
    data: {
      action: event.action,
      actorId: event.actor?.id,
      actorEmail: event.actor?.email,
      targetType: event.targetType,
      targetId: event.targetId,
      target: event.target,
      ip: event.ip ?? undefined,
      details: event.details ? JSON.stringify(event.details) : undefined,
    },
  });
}
