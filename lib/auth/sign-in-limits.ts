import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { rateLimitMessage, SignInRateLimitedError } from "./sign-in-rate-limit";

// next-auth's authorize callback can only accept or refuse (a refusal is a 401). The limit
// itself is enforced inside it (lib/auth/verify-credentials.ts); this carries the verdict
// back out to the route handler, which answers 429 + Retry-After with the message the
// sign-in form shows. Whatever the path encoding or body type, the same handler runs.
const attempt = new AsyncLocalStorage<{ retryAfterSeconds?: number }>();

export async function withSignInLimits(run: () => Promise<Response>): Promise<Response> {
  const outcome: { retryAfterSeconds?: number } = {};
  const response = await attempt.run(outcome, run);
  if (outcome.retryAfterSeconds === undefined) return response;
  return Response.json(
    { error: { code: "rate_limited", message: rateLimitMessage(outcome.retryAfterSeconds) } },
    { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

// Called by authorize when verifyCredentials refused for the limit; rethrows so next-auth
// refuses too (even outside withSignInLimits nothing signs in).
export function reportRateLimited(error: unknown): never {
  const outcome = attempt.getStore();
  if (outcome && error instanceof SignInRateLimitedError) outcome.retryAfterSeconds = error.retryAfterSeconds;
  throw error;
}
