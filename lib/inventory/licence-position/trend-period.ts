import { ValidationError, type FieldErrors } from "../../errors";

// The licence trend's period: ?from=&to= on the API, ?days= on the page.

const DAY_MS = 86_400_000;
export const TREND_DEFAULT_DAYS = 30;
/** The page's choices. */
export const TREND_PERIOD_DAYS = [7, 30, 90] as const;
// A year of half-hourly snapshots is ~17,500 rows: enough for an audit period, bounded for the server.
const MAX_DAYS = 366;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A date-time must say its offset: a bare local time would mean another instant on every server.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export type TrendPeriod = { from: Date; to: Date };

/**
 * `from` and `to` as ISO 8601 dates or date-times; a bare date is that whole UTC day (`to`
 * included). Without `from`, the 30 days before `to`; without `to`, now.
 */
export function parseTrendPeriod(params: URLSearchParams, now = new Date()): TrendPeriod {
  const fieldErrors: FieldErrors = {};
  const read = (key: "from" | "to") => {
    const raw = params.get(key)?.trim();
    if (!raw) return undefined;
    const date = instant(raw, key === "to");
    if (!date)
      fieldErrors[key] = [
        `"${raw.slice(0, 40)}" is not an ISO 8601 date (2026-12-05) or date-time with offset (2026-12-05T10:30:00Z)`,
      ];
    return date ?? undefined;
  };
  const to = read("to") ?? now;
  const from = read("from") ?? new Date(to.getTime() - TREND_DEFAULT_DAYS * DAY_MS);
  if (!fieldErrors.from && !fieldErrors.to) {
    if (from > to) fieldErrors.from = ["from must not be after to"];
    else if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS)
      fieldErrors.from = [`The period may span at most ${MAX_DAYS} days`];
  }
  if (Object.keys(fieldErrors).length) throw new ValidationError("Invalid licence trend period", fieldErrors);
  return { from, to };
}

/** The page's ?days=: one of the choices, else the default (a hand-edited link still shows the page). */
export function trendDays(value: string | string[] | undefined): number {
  const days = Number([value].flat()[0]);
  return (TREND_PERIOD_DAYS as readonly number[]).includes(days) ? days : TREND_DEFAULT_DAYS;
}

/** The `days` before `now`. */
export const lastDays = (days: number, now = new Date()): TrendPeriod => ({
  from: new Date(now.getTime() - days * DAY_MS),
  to: now,
});

function instant(value: string, endOfDay: boolean): Date | null {
  // "2026-02-31" is not a day: Date.parse would roll it into March.
  const day = value.slice(0, 10);
  const start = Date.parse(`${day}T00:00:00.000Z`);
  if (!DAY.test(day) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== day) return null;
  if (value === day) return new Date(endOfDay ? start + DAY_MS - 1 : start);
  if (!DATE_TIME.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
