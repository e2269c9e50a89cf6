import "server-only";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { AUDIT_CONNECTION } from "./audit-actions";

// Pauses or resumes scheduled runs; the configuration is untouched, so no new test is needed.
export async function setConnectionEnabled(id: string, enabled: boolean, actor: AuditActor, ip: string | null) {
  const existing = await getDb().connection.findUnique({ where: { id }, select: { name: true } });
  if (!existing) throw new NotFoundError("Connection not found");
  await getDb().connection.update({ where: { id }, data: { enabled } });
  await recordAuditEvent({
    action: AUDIT_CONNECTION.scheduleChanged,
    actor,
    ip,
    targetType: "connection",
    targetId: id,
    target: existing.name,
    details: { enabled },
  });
}
