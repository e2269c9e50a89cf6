import "server-only";
import { purgeDeletedConnection, type PurgeResult } from "../collector/store/deleted-connections";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { AUDIT_CONNECTION } from "./audit-actions";

// Purges a deleted connection's history (runs, sightings, the changes it observed, resources
// only it ever saw). Irreversible, so audited with what was removed.
export async function purgeConnectionHistory(
  connectionId: string,
  { actor, ip }: { actor: AuditActor; ip: string | null },
): Promise<PurgeResult> {
  const result = await purgeDeletedConnection(connectionId);
  await recordAuditEvent({
    action: AUDIT_CONNECTION.historyPurged,
    actor,
    ip,
    targetType: "connection",
    targetId: connectionId,
    details: result,
  });
  return result;
}
