import { describe, expect, it } from "vitest";
import { passwordSchema } from "./password-policy";
import { hashPassword, verifyPassword } from "./password-hash";

describe("password policy", () => {
  it("accepts long passphrases without composition rules", () => {
    expect(passwordSchema.safeParse("correct horse battery staple").success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(100) + "ÿ").success).toBe(true);
  });

  it("refuses short and common passwords with a reason", () => {
    expect(passwordSchema.safeParse("short").error?.issues[0].message).toMatch(/at least 8/);
    expect(passwordSchema.safeParse("password1").error?.issues[0].message).toMatch(/too common/);
    expect(passwordSchema.safeParse("Qwertyuiop").error?.issues[0].message).toMatch(/too common/);
  });

  it("hashes with argon2id and verifies only the right password", async () => {
    const stored = await hashPassword("a long enough secret");
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, "a long enough secret")).toBe(true);
    expect(await verifyPassword(stored, "a long enough secreT")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
