// "12 s ago" against the figures' own time (the server's), so the server's and the browser's
// renderings agree and the text moves with each refresh.
export function formatAge(iso: string, now: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(now) - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

const rates = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export function formatRate(perMinute: number | null): string {
  return perMinute === null ? "—" : rates.format(perMinute);
}
