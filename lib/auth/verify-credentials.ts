import "server-only";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { oneAtATime } from "./one-at-a-time";
import { dummyPasswordHash, verifyPassword } from "./password-hash";
import type { Role } from "./roles";
import { checkSignInRateLimit, SignInRateLimitedError } from "./sign-in-rate-limit";

export type SignedInUser = { id: string; email: string; role: Role; sessionVersion: number };

// The one key for an account everywhere: the user lookup, the audit target, the rate limit.
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// The only place a password is checked. The rate limit is enforced here, on the credentials
// next-auth has already parsed, so no path encoding or body type can reach the password check
// around it (issue 10 item 1). Over the limit: SignInRateLimitedError, password untouched.
// Unknown e-mail, disabled user and wrong password all fail the same way, in the same time.
export async function verifyCredentials(
  emailInput: unknown,
  password: unknown,
  ip: string | null,
): Promise<SignedInUser | null> {
  const email = typeof emailInput === "string" ? normaliseEmail(emailInput) : "";
  // One attempt per account at a time: parallel guesses each see the failures before them.
  return oneAtATime(`sign-in:${email}`, async () => {
    const verdict = await checkSignInRateLimit(email, ip);
    if (verdict.limited) {
      await recordAuditEvent({ action: AUDIT.signInRateLimited, target: email, ip });
      throw new SignInRateLimitedError(verdict.retryAfterSeconds);
    }
    if (!email || typeof password !== "string" || !password) return null;
    return checkPassword(email, password, ip);
  });
}

async function checkPassword(email: string, password: string, ip: string | null): Promise<SignedInUser | null> {
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.disabledAt) {
    await recordAuditEvent({ action: AUDIT.signInFailed, target: email, ip, actor: null });
    return null;
  }
  await getDb().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAuditEvent({
    action: AUDIT.signIn,
    actor: user,
    targetType: "user",
    targetId: user.id,
    target: email,
    ip,
  });
  return { id: user.id, email: user.email, role: user.role as Role, sessionVersion: user.sessionVersion };
}
