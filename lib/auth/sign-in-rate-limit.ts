import "server-only";
import { AUDIT } from "../audit/actions";
import { getDb } from "../db";

// Failed sign-ins are already in the audit log; counting them there keeps the limit across
// restarts and across app instances sharing a database, with no extra store.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

// Thrown where the password would have been checked (lib/auth/verify-credentials.ts); the
// next-auth route turns it into 429 + Retry-After (lib/auth/sign-in-limits.ts).
export class SignInRateLimitedError extends Error {
  override name = "SignInRateLimitedError";
  constructor(readonly retryAfterSeconds: number) {
    // next-auth puts the message into its error redirect (?error=RateLimited).
    super("RateLimited");
  }
}

export async function checkSignInRateLimit(email: string, ip: string | null): Promise<RateLimitVerdict> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const checks = [{ where: { target: email.toLowerCase() }, max: MAX_FAILURES_PER_ACCOUNT }];
  if (ip) checks.push({ where: { ip } as never, max: MAX_FAILURES_PER_IP });
  for (const check of checks) {
    const failures = await getDb().auditEvent.findMany({
      where: { action: AUDIT.signInFailed, createdAt: { gte: since }, ...check.where },
      orderBy: { createdAt: "desc" },
      take: check.max,
      select: { createdAt: true },
    });
    if (failures.length >= check.max) {
      // Free again when the oldest of the last `max` failures leaves the window.
      const oldest = failures[failures.length - 1].createdAt.getTime();
      return {
        limited: true,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - Date.now()) / 1000)),
      };
    }
  }
  return { limited: false };
}

export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
