import { Cron } from "croner";
import { getDb } from "../../db";
import { connectionStatus } from "../../connections/read-connections";

// dueAt: the scheduled time this run is for (unique per connection: one run per due time).
export type DueConnection = { id: string; name: string; dueAt: Date; reason?: string };

// Connections whose next scheduled time after their latest scheduled run (or their creation)
// has passed. However many occurrences were missed while Cirrus was down, that is one due run.
// The latest scheduled time after `since` that has passed by `now`: runs are for that time, so
// occurrences missed while Cirrus was down make one run, and the next is in the future.
function latestDue(cron: Cron, since: Date, now: Date): Date | null {
  let latest: Date | null = null;
  for (let at = cron.nextRun(since), guard = 0; at && at <= now && guard < 100_000; at = cron.nextRun(at), guard++)
    latest = at;
  return latest;
}

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
    const next = latestDue(new Cron(connection.schedule!, { paused: true, timezone: "UTC" }), since, now);
    if (!next) continue;
    const status = connectionStatus(connection, now);
    if (status.schedulable) due.push({ id: connection.id, name: connection.name, dueAt: next });
    // Untested connections wait silently; an expired MFA session is recorded as a skipped run.
    else if (status.attention?.startsWith("MFA"))
      due.push({ id: connection.id, name: connection.name, dueAt: next, reason: status.attention });
  }
  return due;
}
