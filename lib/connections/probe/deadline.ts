import { setMaxListeners } from "node:events";

// The whole test is bounded: the caller's signal (the browser went away) or the deadline ends
// it. Checks still waiting then settle at once instead of hanging on a slow endpoint.

export class DeadlineError extends Error {
  override name = "DeadlineError";
}

export function deadlineSignal(deadlineMs: number, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(deadlineMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  // Every in-flight call listens on this one signal: far more than the default 10 listeners.
  setMaxListeners(0, combined);
  return combined;
}

/** Settles with `work`, or rejects with DeadlineError as soon as `signal` aborts. */
export function raceDeadline<T>(work: Promise<T>, signal: AbortSignal, message: string): Promise<T> {
  if (signal.aborted) return Promise.reject(new DeadlineError(message));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlineError(message));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Runs `fn` over `items` with at most `limit` in flight, preserving nothing but completion. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
