import { spawn } from "node:child_process";
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as usersGet, POST as usersPost } from "@/app/api/users/route";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken, TOKEN_AUDIT } from "@/lib/api-tokens";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { getDb } from "@/lib/db";
import { createUser, createUserSchema, updateUser } from "@/lib/users";

const PASSWORD = "correct horse battery staple 42";
const unique = (label: string) => `${label}-${crypto.randomBytes(4).toString("hex")}`;

// A real admin user: tokens act as no more than their creator's current role.
async function newUser(role: "admin" | "viewer") {
  const user = await createUser(
    createUserSchema.parse({ email: `${unique(role)}@example.test`, role, password: PASSWORD }),
    null,
  );
  return { id: user.id, email: user.email, name: null, role };
}

let actor: Awaited<ReturnType<typeof newUser>>;
// Another admin, so the test may disable or demote `actor`'s peers (Cirrus keeps one active admin).
let boss: Awaited<ReturnType<typeof newUser>>;
beforeAll(async () => {
  actor = await newUser("admin");
  boss = await newUser("admin");
});

const bearer = (token: string, init: RequestInit = {}) =>
  new Request("http://cirrus.test/api/users", {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
const listUsersWith = (token: string) => usersGet(bearer(token));
const createAdminWith = (token: string, email: string) =>
  usersPost(bearer(token, { method: "POST", body: JSON.stringify({ email, role: "admin", password: PASSWORD }) }));
const userExists = async (email: string) => (await getDb().user.count({ where: { email } })) > 0;

async function auditFor(tokenId: string) {
  return getDb().auditEvent.findMany({ where: { targetId: tokenId }, orderBy: { createdAt: "asc" } });
}

// Runs the CLI as `npm run token` does, on this suite's database (DATA_DIR / DATABASE_URL).
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", "scripts/token.ts", ...args], {
      env: { ...process.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("API tokens", () => {
  it("returns a 256-bit token once and stores only its SHA-256 and a display prefix", async () => {
    const name = unique("hash");
    const { token, id } = await createApiToken(createApiTokenSchema.parse({ name, role: "viewer" }), actor, "10.0.0.9");
    expect(token).toMatch(/^cirrus_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice("cirrus_".length), "base64url")).toHaveLength(32);
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(row.prefix).toBe(token.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.createdById).toBe(actor.id);

    const listed = (await listApiTokens()).find((entry) => entry.id === id);
    expect(listed).toMatchObject({
      name,
      role: "viewer",
      prefix: token.slice(0, 12),
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(JSON.stringify(await listApiTokens())).not.toContain(row.tokenHash);
  });

  it("authenticates a valid token and rejects unknown, malformed and revoked ones", async () => {
    const { token, id } = await createApiToken({ name: unique("auth"), role: "admin" }, actor);
    expect(await authenticateApiToken(token)).toEqual({ id, name: expect.any(String), role: "admin" });
    expect(await authenticateApiToken(`cirrus_${crypto.randomBytes(32).toString("base64url")}`)).toBeNull();
    expect(await authenticateApiToken(token.slice(0, -1))).toBeNull();
    expect(await authenticateApiToken("")).toBeNull();
    expect(await authenticateApiToken(null)).toBeNull();

    await revokeApiToken(id, actor, "10.0.0.9");
    expect(await authenticateApiToken(token)).toBeNull();
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(row.revokedById).toBe(actor.id);
    await expect(revokeApiToken(id, actor)).rejects.toThrow(/already revoked/);
    await expect(revokeApiToken("no-such-token", actor)).rejects.toThrow(/not found/);
  });

  it("records lastUsedAt, writing it at most once a minute", async () => {
    const { token, id } = await createApiToken({ name: unique("used"), role: "viewer" }, actor);
    const lastUsed = async () => (await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await authenticateApiToken(token);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await authenticateApiToken(token);
    expect((await lastUsed())?.getTime()).toBe(first!.getTime());

    const longAgo = new Date(Date.now() - 5 * 60_000);
    await getDb().apiToken.update({ where: { id }, data: { lastUsedAt: longAgo } });
    await authenticateApiToken(token);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);
  });

  it("audits creation and revocation with name and role, never the token or its hash", async () => {
    const name = unique("audit");
    const { token, id } = await createApiToken({ name, role: "viewer" }, actor, "10.0.0.9");
    await revokeApiToken(id, actor, "10.0.0.9");
    const events = await auditFor(id);
    expect(events.map((event) => event.action)).toEqual([TOKEN_AUDIT.created, TOKEN_AUDIT.revoked]);
    for (const event of events) {
      expect(event).toMatchObject({ target: name, actorEmail: actor.email, ip: "10.0.0.9", targetType: "api_token" });
      expect(JSON.parse(event.details!)).toEqual(
        event.action === TOKEN_AUDIT.created ? { role: "viewer", expiresAt: expect.any(String) } : { role: "viewer" },
      );
    }
    const hash = crypto.createHash("sha256").update(token).digest("hex");
    const everything = JSON.stringify(await getDb().auditEvent.findMany());
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(12));
    expect(everything).not.toContain(hash);
  });

  it("validates names and roles", () => {
    expect(createApiTokenSchema.safeParse({ name: "", role: "viewer" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "x".repeat(101), role: "viewer" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "ok", role: "owner" }).success).toBe(false);
    expect(createApiTokenSchema.parse({ name: "  ServiceNow  ", role: "admin" })).toEqual({
      name: "ServiceNow",
      role: "admin",
      expiresIn: "90",
    });
    expect(createApiTokenSchema.parse({ name: "x", role: "admin", expiresIn: "never" }).expiresIn).toBe("never");
    expect(createApiTokenSchema.safeParse({ name: "x", role: "admin", expiresIn: "7" }).success).toBe(false);
  });
});

describe("API tokens act as no more than their creator, now", () => {
  it("a disabled admin's token gets 401 and cannot create a new admin", async () => {
    const creator = await newUser("admin");
    const { token, id } = await createApiToken({ name: unique("disabled"), role: "admin" }, creator);
    expect((await listUsersWith(token)).status).toBe(200);

    await updateUser(creator.id, { disabled: true }, boss, null);
    expect(await authenticateApiToken(token)).toBeNull();
    expect((await listUsersWith(token)).status).toBe(401);
    const email = `${unique("escalated")}@example.test`;
    const refused = await createAdminWith(token, email);
    expect(refused.status).toBe(401);
    expect(await userExists(email)).toBe(false);
    expect((await listApiTokens()).find((row) => row.id === id)?.status).toBe("suspended");

    // Re-enabling the user brings the token back: it was never revoked.
    await updateUser(creator.id, { disabled: false }, boss, null);
    expect((await listUsersWith(token)).status).toBe(200);
  });

  it("the admin token of an admin demoted to viewer acts as viewer: 403 on admin routes, cannot create a user", async () => {
    const creator = await newUser("admin");
    const { token, id } = await createApiToken({ name: unique("demoted"), role: "admin" }, creator);
    await updateUser(creator.id, { role: "viewer" }, boss, null);

    expect(await authenticateApiToken(token)).toMatchObject({ id, role: "viewer" });
    expect((await listUsersWith(token)).status).toBe(403);
    const email = `${unique("escalated")}@example.test`;
    const refused = await createAdminWith(token, email);
    expect(refused.status).toBe(403);
    expect(await userExists(email)).toBe(false);
    expect((await listApiTokens()).find((row) => row.id === id)).toMatchObject({
      role: "admin",
      effectiveRole: "viewer",
      status: "active",
    });
  });

  it("an admin's admin token still creates users (the control does not break the API)", async () => {
    const { token } = await createApiToken({ name: unique("working"), role: "admin" }, actor);
    const email = `${unique("created")}@example.test`;
    const created = await usersPost(
      bearer(token, { method: "POST", body: JSON.stringify({ email, role: "viewer", password: PASSWORD }) }),
    );
    expect(created.status).toBe(201);
    expect(await userExists(email)).toBe(true);
  });

  it("a token whose creator was deleted gets 401", async () => {
    const creator = await newUser("admin");
    const { token } = await createApiToken({ name: unique("orphan"), role: "admin" }, creator);
    await getDb().user.delete({ where: { id: creator.id } });
    expect(await authenticateApiToken(token)).toBeNull();
    expect((await listUsersWith(token)).status).toBe(401);
  });

  it("an expired token gets 401; the expiry is 90 days unless 30, 365 or never is chosen", async () => {
    const before = Date.now();
    const defaulted = await createApiToken({ name: unique("default"), role: "admin" }, actor);
    const days = (iso: string | null) => (iso ? Math.round((Date.parse(iso) - before) / 86_400_000) : null);
    expect(days(defaulted.expiresAt)).toBe(90);
    for (const [choice, expected] of [
      ["30", 30],
      ["365", 365],
      ["never", null],
    ] as const) {
      const created = await createApiToken(
        createApiTokenSchema.parse({ name: unique(`expiry-${choice}`), role: "viewer", expiresIn: choice }),
        actor,
      );
      expect(days(created.expiresAt)).toBe(expected);
      expect(days((await listApiTokens()).find((row) => row.id === created.id)!.expiresAt)).toBe(expected);
    }

    expect((await listUsersWith(defaulted.token)).status).toBe(200);
    await getDb().apiToken.update({ where: { id: defaulted.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateApiToken(defaulted.token)).toBeNull();
    const expired = await listUsersWith(defaulted.token);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toMatch(/expired/);
    expect((await listApiTokens()).find((row) => row.id === defaulted.id)?.status).toBe("expired");
  });
});

describe("npm run token", () => {
  it("create prints only a working token on stdout and exits 0; list and revoke work", async () => {
    const name = unique("cli");
    const created = await runCli(["create", "--name", name, "--role", "viewer"]);
    expect(created.code).toBe(0);
    const lines = created.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    const token = lines[0];
    const identity = await authenticateApiToken(token);
    expect(identity).toMatchObject({ name, role: "viewer" });

    const listed = await runCli(["list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(name);
    expect(listed.stdout).not.toContain(token);

    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: identity!.id } });
    expect(row.createdById).toBeNull(); // no creator user: it keeps its own role
    expect(Math.round((row.expiresAt!.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(90);

    const forever = await runCli([
      "create",
      "--name",
      unique("cli-forever"),
      "--role",
      "admin",
      "--expires-days",
      "never",
    ]);
    expect(forever.code).toBe(0);
    expect(await authenticateApiToken(forever.stdout.trim())).toMatchObject({ role: "admin" });
    expect(
      (
        await getDb().apiToken.findUniqueOrThrow({
          where: { tokenHash: crypto.createHash("sha256").update(forever.stdout.trim()).digest("hex") },
        })
      ).expiresAt,
    ).toBeNull();

    const revoked = await runCli(["revoke", identity!.id]);
    expect(revoked.code).toBe(0);
    expect(await authenticateApiToken(token)).toBeNull();
  }, 180_000);

  it("answers bad arguments with usage on stderr and exit 1, creating nothing", async () => {
    const before = await getDb().apiToken.count();
    for (const args of [
      [],
      ["create", "--name", "x"],
      ["create", "--name", "x", "--role", "owner"],
      ["create", "--bogus"],
      ["create", "--name", "x", "--role", "viewer", "--expires-days", "7"],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("usage: npm run token");
    }
    expect(await getDb().apiToken.count()).toBe(before);
  }, 180_000);
});
