import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAuthSecretFile } from "./auth-secret";

function secretFile(content?: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-secret-")), "auth-secret");
  if (content !== undefined) fs.writeFileSync(file, content, { mode: 0o600 });
  return file;
}

describe("generated auth-secret file", () => {
  it("is generated once with at least 32 characters and read back unchanged", () => {
    const file = secretFile();
    const secret = readAuthSecretFile(file);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readAuthSecretFile(file)).toBe(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("a 1-character auth-secret file is refused, naming the file", () => {
    const file = secretFile("x\n");
    expect(() => readAuthSecretFile(file)).toThrow(file);
    expect(() => readAuthSecretFile(file)).toThrow(/1-character secret; at least 32/);
  });

  it("an empty auth-secret file is refused, naming the file", () => {
    const file = secretFile("  \n");
    expect(() => readAuthSecretFile(file)).toThrow(new RegExp(`${file} holds no secret`));
  });
});
