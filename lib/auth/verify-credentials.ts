import "server-only";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { dummyPasswordHash, verifyPassword } from "./password-hash";
import type { Role } from "./roles";

export type SignedInUser = { id: string; email: string; role: Role; sessionVersion: number };

// Unknown e-mail, disabled user and wrong password all fail the same way, in the same time.
export async function verifyCredentials(
  emailInput: string,
  password: string,
  ip: string | null,
): Promise<SignedInUser | null> {
  const email = emailInput.trim().toLowerCase();
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
  await recordAuditEvent({ action: AUDIT.signIn, actor: user, targetType: "user", targetId: user.id, target: email, ip });
  return { id: user.id, email: user.email, role: user.role as Role, sessionVersion: user.sessionVersion };
}
