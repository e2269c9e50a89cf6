import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { abortActiveRun } from "./runs/active-runs";
import { requestCancel } from "./runs/lifecycle";
import { startRunInBackground } from "./start-run";

// "Run now" and "Cancel" as admins use them: each is audited (SECURITY.md 16).
export async function startManualRun(
  request: { connectionId: string; mfaCode?: string },
  actor: AuditActor,
  ip: string | null,
): Promise<string> {
  const connection = await getDb().connection.findUnique({
    where: { id: request.connectionId },
    select: { name: true },
  });
  if (!connection) throw new NotFoundError("Connection not found");
  const runId = await startRunInBackground({ ...request, trigger: "manual" });
  await recordAuditEvent({
    action: "run.started",
    actor,
    ip,
    targetType: "run",
    targetId: runId,
    target: connection.name,
    details: { trigger: "manual" },
  });
  return runId;
}

export async function cancelRun(runId: string, actor: AuditActor, ip: string | null): Promise<void> {
  if (!(await requestCancel(runId))) throw new ConflictError("This run has already finished");
  abortActiveRun(runId);
  const run = await getDb().run.findUnique({ where: { id: runId }, select: { connectionName: true } });
  await recordAuditEvent({
    action: "run.cancelled",
    actor,
    ip,
    targetType: "run",
    targetId: runId,
    target: run?.connectionName,
  });
}
