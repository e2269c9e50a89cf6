// Issue 10 item 9: bounded fields, and import files whose unknown keys are refused by name.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { importConnections } from "@/lib/connections/config-as-code";
import { createConnection, updateConnection } from "@/lib/connections/save-connection";
import { testConnection } from "@/lib/connections/test-connection";
import { getDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";

const context = { actor: null, ip: null };
const HUGE_SECRET = `CANARYhuge${"k".repeat(900 * 1024)}`;

function validInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `limits-${crypto.randomBytes(4).toString("hex")}`,
    accessKeyId: "AKIAEXAMPLE000000001",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    externalId: "cirrus-external-id-0123456789",
    regionMode: "list",
    regions: ["us-east-1"],
    ...overrides,
  };
}

async function validationErrorOf(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("connection input limits", () => {
  it("an import entry with a misspelled endpointURL is rejected with the key named, and nothing is stored", async () => {
    const entry = validInput({ endpointURL: "http://127.0.0.1:4566" });
    const outcomes = await importConnections({ connections: [entry] });
    expect(outcomes).toEqual([
      {
        name: entry.name,
        action: "failed",
        error: "Please correct the highlighted fields",
        fieldErrors: { form: ['Unknown field "endpointURL" (did you mean "endpointUrl"?)'] },
      },
    ]);
    expect(await getDb().connection.count({ where: { name: entry.name } })).toBe(0);
  });

  it("an unknown key at the top of the import file is rejected by name", async () => {
    const entry = validInput();
    await expect(importConnections({ connections: [entry], connection: [] })).rejects.toThrow(
      'Unknown field "connection"',
    );
    expect(await getDb().connection.count({ where: { name: entry.name } })).toBe(0);
  });

  it("a 900 KB secret access key is refused by save, not echoed, and nothing is stored", async () => {
    const input = validInput({ secretAccessKey: HUGE_SECRET });
    const error = await validationErrorOf(createConnection(input, context));
    expect(error.fieldErrors.secretAccessKey).toEqual(["Secret access key: use at most 128 characters"]);
    expect(JSON.stringify(error)).not.toContain("CANARYhuge");
    expect(await getDb().connection.count({ where: { name: input.name } })).toBe(0);

    const saved = validInput();
    const { id } = await createConnection(saved, context);
    const before = await getDb().connection.findUniqueOrThrow({ where: { id } });
    const onEdit = await validationErrorOf(
      updateConnection(
        id,
        {
          ...saved,
          sessionToken: HUGE_SECRET,
          proxyUrl: "10.0.0.5:8080",
          proxyUsername: "u",
          proxyPassword: HUGE_SECRET,
        },
        context,
      ),
    );
    expect(Object.keys(onEdit.fieldErrors).sort()).toEqual(["proxyPassword", "sessionToken"]);
    expect(JSON.stringify(onEdit)).not.toContain("CANARYhuge");
    expect(await getDb().connection.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it('a name with a right-to-left override or a NUL, and a flag given as "yes", are refused and nothing is saved', async () => {
    // PostgreSQL cannot even compare a NUL in a query, so look the rows up by the name's prefix.
    const base = validInput().name;
    for (const overrides of [
      { name: `${base}\u202Egpj.exe` },
      { name: `${base}\u0000` },
      { name: base, clearSessionToken: "yes" },
    ]) {
      await validationErrorOf(createConnection(validInput(overrides), context));
    }
    expect(await getDb().connection.count({ where: { name: { startsWith: base } } })).toBe(0);
  });

  it("a Test Connection body with a non-text connection ID or an unknown key is a field error, not a 500", async () => {
    for (const body of [
      { connectionId: 5 },
      { connectionId: { not: "text" } },
      { connectionId: "x".repeat(10_000) },
      { connectionID: "abc" },
    ]) {
      await validationErrorOf(testConnection(body as never, null, null, () => {}));
    }
  });
});
