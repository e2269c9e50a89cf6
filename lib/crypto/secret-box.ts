import crypto from "node:crypto";
import { getKeyring, resetKeyringCache, type Keyring } from "./keyring";

// AES-256-GCM with a fresh 96-bit nonce per value. Stored as `v<key version>.<nonce>.<tag>.<ciphertext>`
// (base64url), so rotation knows which key wrote each value. A tampered value fails the GCM tag
// check and throws: there is no plaintext fallback.
const PREFIX = /^v(\d+)\.([\w-]+)\.([\w-]+)\.([\w-]*)$/;

export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

export function encryptSecret(plaintext: string, keyring: Keyring = getKeyring()): string {
  const key = keyring.keys.get(keyring.current)!;
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [nonce, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
  return `v${keyring.current}.${parts.join(".")}`;
}

export function decryptSecret(stored: string, given?: Keyring): string {
  const match = PREFIX.exec(stored);
  if (!match) throw new SecretDecryptionError("Stored secret has an unknown format");
  let keyring = given ?? getKeyring();
  // A newer key version than this process knows: `npm run keys -- rotate` ran meanwhile.
  if (!given && !keyring.keys.has(Number(match[1]))) {
    resetKeyringCache();
    keyring = getKeyring();
  }
  const key = keyring.keys.get(Number(match[1]));
  if (!key)
    throw new SecretDecryptionError(`Stored secret needs master key version ${match[1]}, which is not configured`);
  const [nonce, tag, body] = match.slice(2).map((part) => Buffer.from(part, "base64url"));
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      "Stored secret failed its integrity check (tampered, or encrypted with another key)",
    );
  }
}

export function keyVersionOf(stored: string): number | undefined {
  const match = PREFIX.exec(stored);
  return match ? Number(match[1]) : undefined;
}
