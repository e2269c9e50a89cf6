// The `?page=` of the offset-paged pages (runs, audit log). It comes from the URL, so it can be
// anything: "1e400" parsed as Infinity and "99999999999999999999" as 1e20, and either reached
// Prisma's `skip` and answered 500. Whole decimal numbers only, clamped to 1..MAX_PAGE; the page
// then shows its "past the last page" state instead of failing.
export const MAX_PAGE = 1_000_000;

export function parsePageParam(value: string | string[] | undefined): number {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  if (!/^\d+$/.test(text)) return 1;
  return Math.min(Math.max(1, Number(text)), MAX_PAGE);
}
