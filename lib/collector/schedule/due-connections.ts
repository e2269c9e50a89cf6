import { Cron } from "croner";
import { getDb } from "../../db";
import { connectionStatus } from "../../connections/read-connections";

// dueAt: the scheduled time this run is for (unique per connection: one run per due time).
export type DueConnection = { id: string; name: string; dueAt: Date; reason?: string };

// Connections whose next scheduled time after their latest scheduled run (or their creation)
// has passed. However many occurrences were missed while Cirrus was down, that is one due run.
export async function dueConnections(now = new Date()): Promise<DueConnection[]> {
  const connections = await getDb().connection.findMany({
    where: { enabled: true, schedule: { not: null } },
    select: {
      id: true,
      name: true,
      config: true,
      enabled: true,
      schedule: true,
      createdAt: true,
      configChangedAt: true,
      lastTestPassedAt: true,
      mfaSessionExpiresAt: true,
    },
  });
  const due: DueConnection[] = [];
  for (const connection of connections) {
    const last = await getDb().run.findFirst({
      where: { connectionId: connection.id, trigger: "schedule" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, scheduledFor: true },
    });
    const since = last?.scheduledFor ?? last?.createdAt ?? connection.createdAt;
    const next = new Cron(connection.schedule!, { paused: true, timezone: "UTC" }).nextRun(since);
    if (!next || next > now) continue;
    const status = connectionStatus(connection, now);
    if (status.schedulable) due.push({ id: connection.id, name: connection.name, dueAt: next });
    // Untested connections wait silently; an expired MFA session is recorded as a skipped run.
    else if (status.attention?.startsWith("MFA"))
      due.push({ id: connection.id, name: connection.name, dueAt: next, reason: status.attention });
  }
  return due;
}
