import { Cron } from "croner";

export const DEFAULT_SCHEDULE = "*/30 * * * *";

// Scheduled runs are planned in UTC (lib/collector/schedule), so previews and checks are too.
const UTC = { paused: true, timezone: "UTC" } as const;

const FIELDS = [
  { name: "minute", range: "0-59" },
  { name: "hour", range: "0-23" },
  { name: "day of month", range: "1-31" },
  { name: "month", range: "1-12 or JAN-DEC" },
  { name: "day of week", range: "0-7 or SUN-SAT, 0 and 7 are Sunday" },
] as const;

const FIVE_FIELDS =
  "Use five fields separated by spaces: minute, hour, day of month, month, day of week (e.g. */30 * * * * is every 30 minutes, 0 6 * * 1-5 is 06:00 UTC on weekdays)";

// Ephemeral resources and sub-capacity licence rules want frequent samples; more often than
// every 5 minutes only multiplies API calls. Messages are for admins, not croner's own.
export function scheduleError(expression: string): string | null {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  // Six or seven fields (leading seconds, trailing year) are croner's extensions, kept for
  // schedules saved before this check; the form and the messages speak of five.
  const wrongCount = `${FIVE_FIELDS}. This has ${parts.length} field${parts.length === 1 ? "" : "s"}.`;
  if (parts.length < 5 || parts.length > 7) return wrongCount;
  let cron: Cron;
  try {
    cron = new Cron(expression, UTC);
  } catch {
    return parts.length === 5 ? badFieldMessage(parts) : wrongCount;
  }
  const [first, second] = cron.nextRuns(2);
  if (!first || !second) return "This schedule never runs (no such date): check the day of month and month";
  if (second.getTime() - first.getTime() < 5 * 60_000) return "Run at most every 5 minutes (e.g. */5 * * * *)";
  return null;
}

// Tries each field alone in an otherwise "every minute" expression to name the one at fault.
function badFieldMessage(parts: string[]): string {
  const bad = FIELDS.filter((_field, index) => {
    const probe = ["*", "*", "*", "*", "*"];
    probe[index] = parts[index];
    try {
      new Cron(probe.join(" "), UTC);
      return false;
    } catch {
      return true;
    }
  });
  if (!bad.length) return `${FIVE_FIELDS}.`;
  return bad
    .map(
      (field) =>
        `The ${field.name} field "${parts[FIELDS.indexOf(field)]}" is not valid: use a number in ${field.range}, a list (1,15), a range (1-5), a step (*/10) or *`,
    )
    .join(". ");
}

export function nextRunAt(expression: string, after = new Date()): Date | null {
  return new Cron(expression, UTC).nextRun(after);
}

// The next few times a valid schedule runs, for the form's preview; empty when it is not valid.
export function upcomingRuns(expression: string, count = 3, after = new Date()): Date[] {
  if (scheduleError(expression)) return [];
  return new Cron(expression, UTC).nextRuns(count, after);
}
