import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const ORIGIN = "http://127.0.0.1:3000";

describe("safeRedirectPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirectPath("/inventory/instances?q=web#top", ORIGIN)).toBe("/inventory/instances?q=web#top");
    expect(safeRedirectPath("/", ORIGIN)).toBe("/");
    expect(safeRedirectPath("runs", ORIGIN)).toBe("/runs");
    expect(safeRedirectPath(`${ORIGIN}/runs?page=2`, ORIGIN)).toBe("/runs?page=2");
  });

  it.each([
    ["backslash after the slash (the reported /%5Cevil.example/phish)", "/\\evil.example/phish"],
    ["tab after the slash (the reported /%09/evil.example/phish)", "/\t/evil.example/phish"],
    ["newline inside the slashes", "/\n/evil.example/phish"],
    ["carriage return inside the slashes", "/\r/evil.example"],
    ["protocol-relative", "//evil.example/phish"],
    ["two backslashes", "\\\\evil.example"],
    ["backslash then slash", "\\/evil.example"],
    ["leading space before //", " //evil.example"],
    ["absolute URL elsewhere", "https://evil.example/phish"],
    ["same host, other port", "http://127.0.0.1:3001/"],
    ["same host, other scheme", "https://127.0.0.1:3000/"],
    ["userinfo trick", "http://127.0.0.1:3000@evil.example/"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["dot segment to a // path", "/.//evil.example/phish"],
    ["encoded dot segment to a // path", "/%2e//evil.example"],
    ["dot-dot segments to a // path", "/a/..//evil.example"],
  ])("refuses %s", (_label, target) => {
    const result = safeRedirectPath(target, ORIGIN);
    expect(result).toBe("/");
    // Whatever comes back must stay on our origin when a browser resolves it.
    expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
  });

  it("answers / for missing or non-string targets", () => {
    expect(safeRedirectPath(undefined, ORIGIN)).toBe("/");
    expect(safeRedirectPath("", ORIGIN)).toBe("/");
    expect(safeRedirectPath(["/runs"], ORIGIN)).toBe("/");
  });
});
