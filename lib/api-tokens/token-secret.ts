import crypto from "node:crypto";

export const TOKEN_PREFIX = "cirrus_";
export const DISPLAY_PREFIX_LENGTH = 12;
const TOKEN_BYTES = 32;
// "cirrus_" + 43 base64url characters (32 bytes, no padding).
const TOKEN_PATTERN = /^cirrus_[A-Za-z0-9_-]{43}$/;

// 256 random bits: unguessable, so the token is the whole credential.
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + crypto.randomBytes(TOKEN_BYTES).toString("base64url");
}

// A plain SHA-256 is the right hash here: unlike passwords, tokens carry 256 bits of entropy,
// so a slow KDF (Argon2) would add nothing against brute force and would cost every API call.
// The hash is also deterministic, which lets us find the row by its unique index.
export function hashTokenSecret(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
