// Display helpers shared by the runs list and the run page. Times are shown in UTC, like the
// rest of Cirrus; numbers with a fixed locale so server and browser render the same text.
const numbers = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return numbers.format(value);
}

export function formatUtc(iso: string | null): string {
  return iso ? `${iso.replace("T", " ").slice(0, 19)} UTC` : "—";
}

export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(Math.round(seconds % 60)).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

// A finished run's wall time, from its start (or from being queued, when it never started).
export function runDurationMs(run: {
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}): number | null {
  if (!run.finishedAt) return null;
  return Date.parse(run.finishedAt) - Date.parse(run.startedAt ?? run.createdAt);
}
