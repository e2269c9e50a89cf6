import "server-only";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { CurrentUser } from "../auth/current-user";
import { hashPassword } from "../auth/password-hash";
import type { Role } from "../auth/roles";
import { getDb } from "../db";
import { NotFoundError, ValidationError } from "../errors";

type Change = { role: Role } | { disabled: boolean } | { password: string };

// Every change bumps sessionVersion, which ends the user's current sessions on their next
// request (SECURITY.md 10). An admin cannot lock themselves out, nor remove the last admin.
export async function updateUser(userId: string, change: Change, actor: CurrentUser, ip: string | null) {
  const db = getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, disabledAt: true },
  });
  if (!user) throw new NotFoundError("User not found");
  const removesAdmin =
    user.role === "admin" &&
    !user.disabledAt &&
    (("role" in change && change.role !== "admin") || ("disabled" in change && change.disabled));
  if (removesAdmin && user.id === actor.id) throw new ValidationError("You cannot demote or disable your own account");
  if (removesAdmin && (await db.user.count({ where: { role: "admin", disabledAt: null } })) <= 1) {
    throw new ValidationError("Cirrus needs at least one active admin");
  }
  const data =
    "role" in change
      ? { role: change.role }
      : "disabled" in change
        ? { disabledAt: change.disabled ? new Date() : null }
        : { passwordHash: await hashPassword(change.password) };
  await db.user.update({ where: { id: userId }, data: { ...data, sessionVersion: { increment: 1 } } });
  await recordAuditEvent({
    action: auditActionFor(change),
    actor,
    ip,
    targetType: "user",
    targetId: user.id,
    target: user.email,
    details: "role" in change ? { from: user.role, to: change.role } : undefined,
  });
}

function auditActionFor(change: Change): string {
  if ("role" in change) return AUDIT.userRoleChanged;
  if ("disabled" in change) return change.disabled ? AUDIT.userDisabled : AUDIT.userEnabled;
  return AUDIT.userPasswordReset;
}
