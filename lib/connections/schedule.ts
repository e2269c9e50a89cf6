import { Cron } from "croner";

export const DEFAULT_SCHEDULE = "*/30 * * * *";

// Ephemeral resources and sub-capacity licence rules want frequent samples; more often than
// every 5 minutes only multiplies API calls.
export function scheduleError(expression: string): string | null {
  try {
    const cron = new Cron(expression, { paused: true });
    const [first, second] = cron.nextRuns(2);
    if (!first || !second) return "This schedule never runs";
    if (second.getTime() - first.getTime() < 5 * 60_000) return "Run at most every 5 minutes";
    return null;
  } catch (error) {
    return `Not a valid cron expression (${error instanceof Error ? error.message : "unparseable"})`;
  }
}

export function nextRunAt(expression: string, after = new Date()): Date | null {
  return new Cron(expression, { paused: true }).nextRun(after);
}
