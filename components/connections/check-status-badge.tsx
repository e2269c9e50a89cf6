import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "green" | "red" | "amber" | "neutral" | "blue"> = {
  ok: "green",
  running: "blue",
  warning: "amber",
  skipped: "neutral",
  "region-not-enabled": "neutral",
  throttled: "amber",
};

const LABELS: Record<string, string> = {
  "region-not-enabled": "region not enabled",
  "assume-role-failed": "assume role failed",
};

export function CheckStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "red"}>{LABELS[status] ?? status}</Badge>;
}
