import "server-only";
import crypto from "node:crypto";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password-hash";
import { getDb } from "../db";
import { getEnv, ConfigurationError } from "../env";
import { ValidationError } from "../errors";
import { parseInput } from "../validation";
import { createUserSchema, setupAdminSchema } from "../users/schemas";

const TOKEN_KEY = "setup.tokenHash";

const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

export type FirstAdminOutcome = "exists" | "created-from-env" | { setupToken: string };

// No default password (SECURITY.md 7): the first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD,
// or from the /setup page guarded by a one-time token that only the server log shows.
export async function ensureFirstAdmin(): Promise<FirstAdminOutcome> {
  const db = getDb();
  if ((await db.user.count()) > 0) {
    await db.setting.deleteMany({ where: { key: TOKEN_KEY } });
    return "exists";
  }
  const env = getEnv();
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const parsed = createUserSchema.safeParse({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, role: "admin" });
    if (!parsed.success) throw new ConfigurationError(`ADMIN_PASSWORD refused: ${parsed.error.issues[0].message}`);
    await db.user.create({
      data: { email: parsed.data.email, role: "admin", passwordHash: await hashPassword(parsed.data.password) },
    });
    await recordAuditEvent({
      action: AUDIT.setupCompleted,
      target: parsed.data.email,
      details: { source: "environment" },
    });
    return "created-from-env";
  }
  const setupToken = crypto.randomBytes(18).toString("base64url");
  await db.setting.upsert({
    where: { key: TOKEN_KEY },
    create: { key: TOKEN_KEY, value: sha256(setupToken) },
    update: { value: sha256(setupToken) },
  });
  return { setupToken };
}

export async function isSetupOpen(): Promise<boolean> {
  return (await getDb().user.count()) === 0;
}

export async function completeSetup(input: unknown, ip: string | null) {
  const data = parseInput(setupAdminSchema, input);
  const db = getDb();
  const stored = await db.setting.findUnique({ where: { key: TOKEN_KEY } });
  const matches =
    stored !== null && crypto.timingSafeEqual(Buffer.from(stored.value, "hex"), Buffer.from(sha256(data.token), "hex"));
  if (!matches || !(await isSetupOpen())) {
    throw new ValidationError("The setup token is not valid", { token: ["The setup token is not valid"] });
  }
  const user = await db.$transaction(async (tx) => {
    await tx.setting.delete({ where: { key: TOKEN_KEY } });
    return tx.user.create({
      data: {
        email: data.email,
        name: data.name || null,
        role: "admin",
        passwordHash: await hashPassword(data.password),
      },
      select: { id: true, email: true },
    });
  });
  await recordAuditEvent({
    action: AUDIT.setupCompleted,
    actor: user,
    target: user.email,
    ip,
    details: { source: "setup page" },
  });
  return user;
}
