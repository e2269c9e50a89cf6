import crypto from "node:crypto";

// 24 random bytes = 192 bits (SECURITY.md 4 asks at least 128), URL-safe and within AWS's
// allowed characters. Not a secret: it is shown and copied into the trust policy.
export function generateExternalId(): string {
  return `cirrus-${crypto.randomBytes(24).toString("base64url")}`;
}
