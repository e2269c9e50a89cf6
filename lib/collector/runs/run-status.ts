export const RUN_STATUSES = [
  "queued",
  "running",
  "succeeded",
  "partial",
  "failed",
  "cancelled",
  "skipped",
  "aborted",
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_TRIGGERS = ["manual", "schedule", "cli", "api"] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];
export const ACTIVE_STATUSES: RunStatus[] = ["queued", "running"];

export type ScopeStatus = "pending" | "running" | "succeeded" | "failed" | "skipped";

// A run is partial when some scopes failed and others succeeded; failed when none succeeded.
export function finalStatus(counts: { succeeded: number; failed: number }, cancelled: boolean): RunStatus {
  if (cancelled) return "cancelled";
  if (counts.failed === 0) return "succeeded";
  return counts.succeeded > 0 ? "partial" : "failed";
}
