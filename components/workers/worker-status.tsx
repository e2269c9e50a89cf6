import { Badge } from "@/components/ui/badge";
import type { WorkerStatus } from "@/lib/workers";

const TONES = { running: "green", draining: "amber", stopped: "neutral", gone: "red" } as const;

// The words next to the colour, so the status reads without it.
const WORDS: Record<WorkerStatus, string> = {
  running: "running",
  draining: "draining (finishing its jobs)",
  stopped: "stopped",
  gone: "gone (no heartbeat)",
};

export function WorkerStatusBadge({ status }: { status: WorkerStatus }) {
  return (
    <span data-testid="worker-status" data-status={status}>
      <Badge tone={TONES[status] ?? "neutral"}>{WORDS[status] ?? status}</Badge>
    </span>
  );
}
