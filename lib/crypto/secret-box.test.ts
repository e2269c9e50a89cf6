import { describe, expect, it } from "vitest";
import { generateKeySpec, parseKeyring } from "./keyring";
import { decryptSecret, encryptSecret, keyVersionOf, SecretDecryptionError } from "./secret-box";

const keyring = parseKeyring(generateKeySpec(1), "test");

describe("secret box", () => {
  it("round-trips and uses a fresh nonce for every write", () => {
    const a = encryptSecret("wJalrXUtnFEMI/K7MDENG", keyring);
    const b = encryptSecret("wJalrXUtnFEMI/K7MDENG", keyring);
    expect(a).not.toEqual(b);
    expect(a).not.toContain("wJalr");
    expect(decryptSecret(a, keyring)).toBe("wJalrXUtnFEMI/K7MDENG");
    expect(keyVersionOf(a)).toBe(1);
  });

  it("refuses tampered ciphertext instead of returning anything", () => {
    const stored = encryptSecret("secret", keyring);
    const parts = stored.split(".");
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), keyring)).toThrow(SecretDecryptionError);
  });

  it("decrypts values written under an older key version after a new key is added", () => {
    const old = encryptSecret("legacy", keyring);
    const [, oldKey] = [...keyring.keys.entries()][0];
    const rotated = parseKeyring(`${generateKeySpec(2)},1:${oldKey.toString("base64")}`, "test");
    expect(rotated.current).toBe(2);
    expect(decryptSecret(old, rotated)).toBe("legacy");
    expect(keyVersionOf(encryptSecret("new", rotated))).toBe(2);
  });

  it("rejects malformed or short master keys with a clear message", () => {
    expect(() => parseKeyring("not-base64!!", "CIRRUS_MASTER_KEY")).toThrow(/malformed/);
    expect(() => parseKeyring(Buffer.alloc(16).toString("base64"), "CIRRUS_MASTER_KEY")).toThrow(/32 random bytes/);
  });
});
