import { spawn } from "node:child_process";
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken, TOKEN_AUDIT } from "@/lib/api-tokens";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { getDb } from "@/lib/db";

const actor = { id: "test-admin", email: "token-admin@example.test" };
const unique = (label: string) => `${label}-${crypto.randomBytes(4).toString("hex")}`;

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
    expect(listed).toMatchObject({ name, role: "viewer", prefix: token.slice(0, 12), revokedAt: null, lastUsedAt: null });
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
      expect(JSON.parse(event.details!)).toEqual({ role: "viewer" });
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
    expect(createApiTokenSchema.parse({ name: "  ServiceNow  ", role: "admin" })).toEqual({ name: "ServiceNow", role: "admin" });
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

    const revoked = await runCli(["revoke", identity!.id]);
    expect(revoked.code).toBe(0);
    expect(await authenticateApiToken(token)).toBeNull();
  }, 180_000);

  it("answers bad arguments with usage on stderr and exit 1, creating nothing", async () => {
    const before = await getDb().apiToken.count();
    for (const args of [[], ["create", "--name", "x"], ["create", "--name", "x", "--role", "owner"], ["create", "--bogus"]]) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("usage: npm run token");
    }
    expect(await getDb().apiToken.count()).toBe(before);
  }, 180_000);
});
