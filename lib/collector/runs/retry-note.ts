import type { ScopeTally } from "../scope-runner";

// Why a failed scope took seconds: the scope was read again, or the SDK retried its calls.
// Nothing to say for a single request refused at once (a denial).
export function retryNote({ requests, reads }: ScopeTally): string | null {
  if (reads <= 1 && requests <= 1) return null;
  const times = reads === 1 ? "once" : `${reads} times`;
  return `Read ${times} with ${requests} request${requests === 1 ? "" : "s"} (the SDK's retries included) before giving up.`;
}
