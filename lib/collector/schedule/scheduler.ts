import { logUnexpected } from "../../log";
import { collectConnection } from "../collect";
import { createLimiter } from "../limiter";
import { recordSkippedRun } from "../runs/lifecycle";
import { dueConnections } from "./due-connections";

const TICK_MS = 20_000;
const globalForScheduler = globalThis as unknown as { cirrusScheduler?: NodeJS.Timeout };

// Scheduling inside the app process (started once from the instrumentation hook): every tick,
// start the runs that are due. The connection lease keeps one run per connection even if
// several processes schedule; at most two scheduled runs go at once in this process.
export async function startScheduler(): Promise<void> {
  if (globalForScheduler.cirrusScheduler) return;
  const limit = createLimiter(2);
  const inFlight = new Set<string>();
  const tick = async () => {
    for (const connection of await dueConnections()) {
      if (inFlight.has(connection.id)) continue;
      const start = { connectionId: connection.id, connectionName: connection.name, trigger: "schedule" as const };
      if (connection.reason) {
        await recordSkippedRun(start, connection.reason);
        continue;
      }
      inFlight.add(connection.id);
      void limit(() => collectConnection({ connectionId: connection.id, trigger: "schedule" }))
        .catch(logUnexpected)
        .finally(() => inFlight.delete(connection.id));
    }
  };
  const run = () => void tick().catch(logUnexpected);
  globalForScheduler.cirrusScheduler = setInterval(run, TICK_MS);
  globalForScheduler.cirrusScheduler.unref();
  run();
}
