import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT } from "@/lib/audit/actions";
import { checkSignInRateLimit, MAX_FAILURES_PER_ACCOUNT } from "@/lib/auth/sign-in-rate-limit";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { getDb } from "@/lib/db";
import { completeSetup, ensureFirstAdmin } from "@/lib/setup";
import { createUser, updateUser } from "@/lib/users";
import { createUserSchema } from "@/lib/users/schemas";

const unique = (label: string) => `${label}-${crypto.randomBytes(4).toString("hex")}@example.test`;
const PASSWORD = "a long and unusual passphrase";

async function newUser(role: "admin" | "viewer") {
  const input = createUserSchema.parse({ email: unique(role), role, password: PASSWORD });
  return createUser(input, null);
}

async function auditCount(action: string, target: string) {
  return getDb().auditEvent.count({ where: { action, target } });
}

describe("first admin", () => {
  it("opens setup with a one-time token, and the token creates exactly one admin", async () => {
    // Runs first in this file, on the suite's fresh database, before any user exists.
    const outcome = await ensureFirstAdmin();
    expect(outcome).toHaveProperty("setupToken");
    const { setupToken } = outcome as { setupToken: string };
    const email = unique("setup");
    await expect(completeSetup({ token: "wrong", email, password: PASSWORD }, null)).rejects.toThrow(/not valid/);
    expect(await getDb().user.count({ where: { email } })).toBe(0);

    const admin = await completeSetup({ token: setupToken, email, password: PASSWORD }, "127.0.0.1");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    await expect(completeSetup({ token: setupToken, email: unique("again"), password: PASSWORD }, null)).rejects.toThrow(/not valid/);
    expect(await ensureFirstAdmin()).toBe("exists");
  });
});

describe("users", () => {
  let admin: { id: string; email: string; name: null; role: "admin" };
  beforeAll(async () => {
    const created = await newUser("admin");
    admin = { id: created.id, email: created.email, name: null, role: "admin" };
  });

  it("stores only an argon2id hash and refuses duplicate e-mails", async () => {
    const user = await newUser("viewer");
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    await expect(createUser(createUserSchema.parse({ email: user.email, role: "viewer", password: PASSWORD }), null)).rejects.toThrow(
      /exists/,
    );
  });

  it("bumps the session version on role change, disable and password reset, and audits each", async () => {
    const user = await newUser("viewer");
    const version = async () => (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    expect(await version()).toBe(0);
    await updateUser(user.id, { role: "admin" }, admin, null);
    await updateUser(user.id, { disabled: true }, admin, null);
    await updateUser(user.id, { password: "another long passphrase" }, admin, null);
    expect(await version()).toBe(3);
    expect(await auditCount(AUDIT.userRoleChanged, user.email)).toBe(1);
    expect(await auditCount(AUDIT.userDisabled, user.email)).toBe(1);
    expect(await auditCount(AUDIT.userPasswordReset, user.email)).toBe(1);
  });

  it("does not let an admin demote or disable themselves", async () => {
    await expect(updateUser(admin.id, { role: "viewer" }, admin, null)).rejects.toThrow(/own account/);
    await expect(updateUser(admin.id, { disabled: true }, admin, null)).rejects.toThrow(/own account/);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });
});

describe("sign-in", () => {
  it("answers an unknown e-mail, a wrong password and a disabled user identically, and audits failures", async () => {
    const user = await newUser("viewer");
    expect(await verifyCredentials(unique("nobody"), PASSWORD, "10.0.0.1")).toBeNull();
    expect(await verifyCredentials(user.email, "wrong password here", "10.0.0.1")).toBeNull();
    expect(await verifyCredentials(user.email.toUpperCase(), PASSWORD, "10.0.0.1")).toMatchObject({ id: user.id, role: "viewer" });
    expect(await auditCount(AUDIT.signInFailed, user.email)).toBe(1);
    expect(await auditCount(AUDIT.signIn, user.email)).toBe(1);
  });

  it("rate-limits an account after repeated failures and says when to retry", async () => {
    const user = await newUser("viewer");
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt++) {
      expect(await checkSignInRateLimit(user.email, "10.0.0.2")).toEqual({ limited: false });
      await verifyCredentials(user.email, `wrong-${attempt}-password`, "10.0.0.2");
    }
    const verdict = await checkSignInRateLimit(user.email, "10.0.0.3");
    expect(verdict.limited).toBe(true);
    expect(verdict.limited && verdict.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(await checkSignInRateLimit(unique("other"), "10.0.0.3")).toEqual({ limited: false });
  });
});
