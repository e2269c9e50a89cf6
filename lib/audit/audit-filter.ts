// What the audit log page, its CSV export and their tests filter by. Parsed from URL search
// parameters (?actor=&action=&from=&to=&q=), so a filtered view is a link an admin can share.
// Pure: no database, no Next.
export type AuditFilter = {
  // The actor's e-mail, exactly (values come from the page's list of actors).
  actor?: string;
  // An action name exactly, or a family by prefix when it ends with "." or "*" ("auth.").
  action?: string;
  // Calendar days in UTC (the log's time zone), both inclusive: YYYY-MM-DD.
  from?: string;
  to?: string;
  // Free text, case-insensitive, in actor, action, target, IP and details.
  q?: string;
};

export const AUDIT_FILTER_KEYS = ["actor", "action", "from", "to", "q"] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Longer text is no one's search: it only makes the LIKE scan slower.
const MAX_TEXT = 200;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(key) : params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, MAX_TEXT);
  return value ? value : undefined;
}

// A real calendar day: "2026-02-31" is not one and would silently roll into March.
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

// Unknown keys are ignored; a day that is not one is dropped (and reported), so a hand-edited
// link still shows the log rather than an error page.
export function parseAuditFilter(params: Params): { filter: AuditFilter; invalid: string[] } {
  const filter: AuditFilter = {};
  const invalid: string[] = [];
  for (const key of AUDIT_FILTER_KEYS) {
    const value = read(params, key);
    if (value === undefined) continue;
    if ((key === "from" || key === "to") && !isCalendarDay(value)) invalid.push(key);
    else filter[key] = value;
  }
  return { filter, invalid };
}

// The same filter as search parameters (stable key order), for links and the export URL.
export function auditFilterQuery(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function isFiltered(filter: AuditFilter): boolean {
  return AUDIT_FILTER_KEYS.some((key) => Boolean(filter[key]));
}

// [start, end) in UTC for the filter's days: `to` includes that whole day.
export function auditTimeRange(filter: AuditFilter): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filter.from) range.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) range.lt = new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000);
  return range;
}

// "auth." and "auth.*" both mean every auth action.
export function actionPrefix(action: string): string | null {
  if (action.endsWith("*")) return action.slice(0, -1);
  if (action.endsWith(".")) return action;
  return null;
}
