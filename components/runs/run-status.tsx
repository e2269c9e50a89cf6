import { Badge } from "@/components/ui/badge";
import type { RunScopeRow, RunStatus } from "@/lib/collector";

type Tone = "neutral" | "blue" | "green" | "amber" | "red";

const RUN_TONES: Record<RunStatus, Tone> = {
  queued: "neutral",
  running: "blue",
  succeeded: "green",
  partial: "amber",
  failed: "red",
  cancelled: "neutral",
  skipped: "amber",
  aborted: "red",
};

const SCOPE_TONES: Record<RunScopeRow["status"], Tone> = {
  pending: "neutral",
  running: "blue",
  succeeded: "green",
  failed: "red",
  skipped: "neutral",
};

// Mirrors the collector's ACTIVE_STATUSES without importing server-only code into the browser.
export function isRunActive(status: RunStatus): boolean {
  return status === "queued" || status === "running";
}

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span data-testid="run-status" data-status={status}>
      <Badge tone={RUN_TONES[status] ?? "neutral"}>{status}</Badge>
    </span>
  );
}

export function ScopeStatusBadge({ status }: { status: RunScopeRow["status"] }) {
  return <Badge tone={SCOPE_TONES[status] ?? "neutral"}>{status}</Badge>;
}
