import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

// Temporary credentials shared by every client of one role: fetched once, reused, and
// refreshed ahead of expiry. Collections across many accounts outlive 1-hour role sessions
// (chained sessions cannot last longer), so a long run must renew mid-way instead of failing.
// Concurrent callers share one in-flight fetch; a failure is not cached (the next call retries).

export const DEFAULT_REFRESH_BEFORE_MS = 5 * 60_000;

export function refreshingProvider(
  fetch: () => Promise<AwsCredentialIdentity>,
  options: { refreshBeforeMs?: number; now?: () => number } = {},
): AwsCredentialIdentityProvider {
  const refreshBeforeMs = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
  const now = options.now ?? Date.now;
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (c: AwsCredentialIdentity) => !c.expiration || c.expiration.getTime() - now() > refreshBeforeMs;
  return async () => {
    if (current && fresh(current)) return current;
    pending ??= fetch()
      .then((credentials) => (current = credentials))
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
