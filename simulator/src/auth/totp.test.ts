import { describe, expect, it } from "vitest";
import { totp, verifyTotp } from "./totp";

// RFC 6238 Appendix B, SHA-1 secret "12345678901234567890" (base32 below); the RFC prints
// 8-digit codes, AWS uses the last 6.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("totp", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("matches RFC 6238 at T=%i", (seconds, code) => {
    expect(totp(RFC_SECRET, seconds * 1000)).toBe(code);
    expect(totp(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });

  it("accepts the neighbouring steps only", () => {
    const t = 1234567890_000;
    expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, t - 30_000), t)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, t + 30_000), t)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, t - 90_000), t)).toBe(false);
    expect(verifyTotp(RFC_SECRET, "12345", t)).toBe(false);
  });
});
