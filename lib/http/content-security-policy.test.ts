import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

function directive(policy: string, name: string): string | undefined {
  return policy.split(/;\s*/).find((part) => part.startsWith(`${name} `));
}

describe("content security policy", () => {
  it("script-src has no 'unsafe-inline': only scripts carrying the request's nonce run", () => {
    const scripts = directive(contentSecurityPolicy("abc123=="), "script-src");
    expect(scripts).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
  });

  it("allows eval in development only", () => {
    expect(directive(contentSecurityPolicy("n", { development: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("keeps framing, plugins, base and form targets locked down", () => {
    const policy = contentSecurityPolicy("n");
    for (const expected of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "default-src 'self'",
    ]) {
      expect(policy).toContain(expected);
    }
  });

  it("nonces are 128-bit base64 and differ every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
