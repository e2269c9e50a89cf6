import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT } from "@/lib/audit/actions";
import { endAuthSession, isAuthSessionActive, startAuthSession } from "@/lib/auth/auth-sessions";
import { getAuthOptions } from "@/lib/auth/options";
import {
  checkSignInRateLimit,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  SignInRateLimitedError,
} from "@/lib/auth/sign-in-rate-limit";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { clientIpFrom } from "@/lib/http/client-ip";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address-header";
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
    // Setup opens only while no user exists; other files of the suite (they run one after
    // another, in an order vitest chooses) may already have created some.
    await getDb().user.deleteMany();
    const outcome = await ensureFirstAdmin();
    expect(outcome).toHaveProperty("setupToken");
    const { setupToken } = outcome as { setupToken: string };
    const email = unique("setup");
    await expect(completeSetup({ token: "wrong", email, password: PASSWORD }, null)).rejects.toThrow(/not valid/);
    expect(await getDb().user.count({ where: { email } })).toBe(0);

    const admin = await completeSetup({ token: setupToken, email, password: PASSWORD }, "127.0.0.1");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    await expect(
      completeSetup({ token: setupToken, email: unique("again"), password: PASSWORD }, null),
    ).rejects.toThrow(/not valid/);
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
    await expect(
      createUser(createUserSchema.parse({ email: user.email, role: "viewer", password: PASSWORD }), null),
    ).rejects.toThrow(/exists/);
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
    expect(await verifyCredentials(user.email.toUpperCase(), PASSWORD, "10.0.0.1")).toMatchObject({
      id: user.id,
      role: "viewer",
    });
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

describe("sign-in limits where the password is checked (issue 10 item 1)", () => {
  async function lockOut(email: string, ip: string) {
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt++) {
      expect(await verifyCredentials(email, `wrong-${attempt}-password`, ip)).toBeNull();
    }
  }

  it("sign-in limit holds for any caller of the password check: a locked account's right password is refused unchecked", async () => {
    const user = await newUser("viewer");
    await lockOut(user.email, "10.1.0.1");
    // Another address, the e-mail in other case and padding: still the same account key.
    for (const email of [user.email, ` ${user.email.toUpperCase()} `]) {
      await expect(verifyCredentials(email, PASSWORD, "10.1.0.2")).rejects.toBeInstanceOf(SignInRateLimitedError);
    }
    expect(await auditCount(AUDIT.signIn, user.email)).toBe(0);
    // Refused before the password check: no further failure was recorded, two refusals were.
    expect(await auditCount(AUDIT.signInFailed, user.email)).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(await auditCount(AUDIT.signInRateLimited, user.email)).toBe(2);
  });

  it("sign-in limit holds for parallel guesses: they are checked one at a time per account", async () => {
    const user = await newUser("viewer");
    const attempts = await Promise.allSettled(
      Array.from({ length: MAX_FAILURES_PER_ACCOUNT + 5 }, (_, attempt) =>
        verifyCredentials(user.email, `parallel-${attempt}-guess`, "10.1.1.1"),
      ),
    );
    expect(attempts.filter((result) => result.status === "fulfilled")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(
      attempts.filter((result) => result.status === "rejected" && result.reason instanceof SignInRateLimitedError),
    ).toHaveLength(5);
    expect(await auditCount(AUDIT.signInFailed, user.email)).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("sign-in limit per address holds whatever e-mail is tried", async () => {
    const ip = "10.1.2.3";
    for (let attempt = 0; attempt < MAX_FAILURES_PER_IP; attempt++)
      await verifyCredentials(unique(`spray${attempt}`), "guess", ip);
    const user = await newUser("viewer");
    await expect(verifyCredentials(user.email, PASSWORD, ip)).rejects.toBeInstanceOf(SignInRateLimitedError);
    expect(await verifyCredentials(user.email, PASSWORD, "10.1.2.4")).toMatchObject({ id: user.id });
  });

  it("next-auth's authorize refuses a limited account even when the e-mail arrives from a JSON body", async () => {
    const user = await newUser("viewer");
    await lockOut(user.email, "10.1.3.1");
    const provider = getAuthOptions().providers[0] as unknown as {
      options: { authorize: (c: unknown, r: unknown) => Promise<unknown> };
    };
    const headers = { [PEER_ADDRESS_HEADER]: "10.1.3.2", "content-type": "application/json" };
    await expect(
      provider.options.authorize({ email: user.email, password: PASSWORD }, { headers, body: {} }),
    ).rejects.toThrow("RateLimited");
    expect(await auditCount(AUDIT.signIn, user.email)).toBe(0);
  });

  it("a spoofed X-Forwarded-For changes neither the limit key nor the audit address", async () => {
    // TRUSTED_PROXIES is unset in tests: nobody's X-Forwarded-For is believed.
    const headers = (forwardedFor: string) =>
      new Headers({ [PEER_ADDRESS_HEADER]: "::ffff:10.1.4.1", "x-forwarded-for": forwardedFor });
    expect(clientIpFrom(headers("203.0.113.9"))).toBe("10.1.4.1");
    expect(clientIpFrom(headers("203.0.113.10, 10.1.4.1"))).toBe("10.1.4.1");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBeNull();
    expect(clientIpFrom({ [PEER_ADDRESS_HEADER]: "10.1.4.1", "x-forwarded-for": "203.0.113.9" })).toBe("10.1.4.1");
  });
});

describe("server-side sessions (issue 10 item 6)", () => {
  it("sign-out ends the session server-side, so a copied cookie stops working", async () => {
    const user = await newUser("viewer");
    const options = getAuthOptions();
    const token = await options.callbacks!.jwt!({
      token: { email: user.email },
      user: { id: user.id, sessionVersion: 0 } as never,
    } as never);
    expect(typeof token.sid).toBe("string");
    expect(await isAuthSessionActive(token.sid as string, user.id)).toBe(true);
    await options.events!.signOut!({ token, session: undefined as never });
    expect(await isAuthSessionActive(token.sid as string, user.id)).toBe(false);
    expect(await getDb().auditEvent.count({ where: { action: AUDIT.signOut, targetId: token.sid as string } })).toBe(1);
  });

  it("a session without a row, with another user's id, or past its expiry is not active", async () => {
    const user = await newUser("viewer");
    const other = await newUser("viewer");
    expect(await isAuthSessionActive("never-issued", user.id)).toBe(false);
    const sid = await startAuthSession(user.id, 3600);
    expect(await isAuthSessionActive(sid, other.id)).toBe(false);
    await getDb().authSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isAuthSessionActive(sid, user.id)).toBe(false);
    // The next sign-in clears the user's expired rows.
    const next = await startAuthSession(user.id, 3600);
    expect(await getDb().authSession.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([
      { id: next },
    ]);
    await endAuthSession(next);
    await endAuthSession(next);
    expect(await isAuthSessionActive(next, user.id)).toBe(false);
  });
});
