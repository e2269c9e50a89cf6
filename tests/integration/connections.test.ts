import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { exportConnections, importConnections } from "@/lib/connections/config-as-code";
import { rotateSecrets } from "@/lib/connections/rotate-secrets";
import { getConnectionDetail } from "@/lib/connections/read-connections";
import { createConnection, updateConnection } from "@/lib/connections/save-connection";
import { decryptSecret, keyVersionOf } from "@/lib/crypto";
import { getDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";

const context = { actor: null, ip: null };
const CANARY = "CANARYsecret-" + crypto.randomBytes(6).toString("hex");

function validInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `conn-${crypto.randomBytes(4).toString("hex")}`,
    partition: "aws",
    credentialSource: "access-key",
    accessKeyId: "AKIAEXAMPLE000000001",
    secretAccessKey: CANARY,
    externalId: "cirrus-external-id-0123456789",
    accountMode: "role-arns",
    roleArns: "arn:aws:iam::222222222222:role/CirrusInventoryRole",
    regionMode: "list",
    regions: ["us-east-1", "eu-west-1"],
    ...overrides,
  };
}

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (caught) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("connection validation", () => {
  it.each([
    ["a malformed role ARN", { roleArns: "arn:aws:iam::2222:role/X" }, "roleArns"],
    ["a role ARN with a wildcard", { roleArns: "arn:aws:iam::*:role/CirrusInventoryRole" }, "roleArns"],
    [
      "an 11-digit account ID",
      { accountMode: "organizations", memberRoleName: "Cirrus", excludeAccountIds: "12345678901" },
      "excludeAccountIds",
    ],
    ["an unknown region", { regions: ["us-east-1", "mars-north-1"] }, "regions"],
    ["a proxy URL with credentials inside", { proxyUrl: "http://user:pass@proxy.example.com:3128" }, "proxyUrl"],
    ["an external ID with spaces", { externalId: "has spaces in it" }, "externalId"],
    ["a bad cron expression", { schedule: "every day" }, "schedule"],
  ])("refuses %s with a field error and saves nothing", async (_label, overrides, field) => {
    const input = validInput(overrides);
    const errors = await fieldErrorsOf(createConnection(input, context));
    expect(Object.keys(errors).some((path) => path === field || path.startsWith(`${field}.`))).toBe(true);
    expect(JSON.stringify(errors)).not.toContain(CANARY);
    expect(await getDb().connection.count({ where: { name: input.name } })).toBe(0);
  });
});

describe("connection secrets", () => {
  it("encrypts secrets at rest and exposes only 'configured' flags", async () => {
    const input = validInput({
      sessionToken: `${CANARY}-token`,
      proxyUrl: "10.0.0.5:8080",
      proxyUsername: "u",
      proxyPassword: `${CANARY}-proxy`,
    });
    const { id } = await createConnection(input, context);
    const row = await getDb().connection.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(CANARY);
    expect(decryptSecret(row.secretAccessKeyEnc!)).toBe(CANARY);
    expect(decryptSecret(row.proxyPasswordEnc!)).toBe(`${CANARY}-proxy`);
    const detail = await getConnectionDetail(id);
    expect(JSON.stringify(detail)).not.toContain(CANARY);
    expect(detail.secrets).toEqual({ secretAccessKey: true, sessionToken: true, proxyPassword: true });
    expect(detail.config.proxyUrl).toBe("http://10.0.0.5:8080");
  });

  it("keeps stored secrets when the edit leaves them blank, and audits field names only", async () => {
    const input = validInput();
    const { id } = await createConnection(input, context);
    const before = await getDb().connection.findUniqueOrThrow({ where: { id } });
    await updateConnection(id, { ...input, secretAccessKey: "", regions: ["eu-west-1"] }, context);
    const after = await getDb().connection.findUniqueOrThrow({ where: { id } });
    expect(after.secretAccessKeyEnc).toBe(before.secretAccessKeyEnc);
    expect(after.configChangedAt.getTime()).toBeGreaterThanOrEqual(before.configChangedAt.getTime());
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "connection.updated", targetId: id } });
    expect(JSON.parse(audit.details!)).toEqual({ fields: ["regions"] });
    expect(audit.details).not.toContain("eu-west-1");
  });

  it("asks for the secret when the access key ID changes", async () => {
    const input = validInput();
    const { id } = await createConnection(input, context);
    const errors = await fieldErrorsOf(
      updateConnection(id, { ...input, accessKeyId: "AKIAEXAMPLE000000002", secretAccessKey: "" }, context),
    );
    expect(errors.secretAccessKey).toBeDefined();
  });

  it("rotates the master key, twice, without losing a secret", async () => {
    const { id } = await createConnection(validInput(), context);
    const first = await rotateSecrets();
    const second = await rotateSecrets();
    expect(second.keyVersion).toBe(first.keyVersion + 1);
    const row = await getDb().connection.findUniqueOrThrow({ where: { id } });
    expect(keyVersionOf(row.secretAccessKeyEnc!)).toBe(second.keyVersion);
    expect(decryptSecret(row.secretAccessKeyEnc!)).toBe(CANARY);
  });
});

describe("configuration as code", () => {
  it("imports (creating, then updating by name) and exports without secrets", async () => {
    const input = validInput();
    expect(await importConnections({ connections: [input] })).toEqual([{ name: input.name, action: "created" }]);
    const bad = validInput({ roleArns: "arn:aws:iam::*:role/X" });
    const outcomes = await importConnections([{ ...input, regions: ["us-west-2"] }, bad]);
    expect(outcomes[0]).toEqual({ name: input.name, action: "updated" });
    expect(outcomes[1]).toMatchObject({ name: bad.name, action: "failed" });

    const exported = await exportConnections();
    expect(JSON.stringify(exported)).not.toContain(CANARY);
    const mine = exported.connections.find((connection) => connection.name === input.name)!;
    expect(mine).toMatchObject({ regions: ["us-west-2"], accessKeyId: input.accessKeyId });
    expect(await importConnections(exported)).toContainEqual({ name: input.name, action: "updated" });
  });
});
