import "server-only";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password-hash";
import { getDb } from "../db";
import { ValidationError } from "../errors";
import type { CreateUserInput } from "./schemas";

export async function createUser(input: CreateUserInput, actor: AuditActor, ip: string | null = null) {
  const existing = await getDb().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing)
    throw new ValidationError("A user with this e-mail exists", { email: ["A user with this e-mail exists"] });
  const user = await getDb().user.create({
    data: {
      email: input.email,
      name: input.name || null,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    },
    select: { id: true, email: true, role: true },
  });
  await recordAuditEvent({
    action: AUDIT.userCreated,
    actor,
    ip,
    targetType: "user",
    targetId: user.id,
    target: user.email,
    details: { role: user.role },
  });
  return user;
}
