import { describe, expect, it } from "vitest";
import { passwordSchema } from "./password-policy";
import { hashPassword, verifyPassword } from "./password-hash";

describe("password policy", () => {
  it("accepts long passphrases without composition rules", () => {
    expect(passwordSchema.safeParse("correct horse battery staple").success).toBe(true);
    // Long and non-ASCII is fine (this used to be "x".repeat(100) + "ÿ": a repeat, now refused).
    expect(passwordSchema.safeParse("ÿ gîte près du lac, 17 vélos rouges et un chat".padEnd(128, ".")).success).toBe(
      true,
    );
    // Any random 8 characters pass: the strength bar is not a hidden composition rule.
    expect(passwordSchema.safeParse("qzmfkxjw").success).toBe(true);
  });

  it("refuses short and common passwords with a reason", () => {
    expect(passwordSchema.safeParse("short").error?.issues[0].message).toMatch(/at least 8/);
    expect(passwordSchema.safeParse("password1").error?.issues[0].message).toMatch(/too common/);
    expect(passwordSchema.safeParse("Qwertyuiop").error?.issues[0].message).toMatch(/too common/);
  });

  it("refuses a password of one repeated character or only whitespace, saying why", () => {
    expect(passwordSchema.safeParse("aaaaaaaa").error?.issues[0].message).toMatch(/repeated characters/);
    expect(passwordSchema.safeParse("Z".repeat(64)).error?.issues[0].message).toMatch(/repeated characters/);
    expect(passwordSchema.safeParse(" ".repeat(8)).error?.issues[0].message).toMatch(/only spaces/);
    expect(passwordSchema.safeParse("\t \n \t \n ").error?.issues[0].message).toMatch(/only spaces/);
    expect(passwordSchema.safeParse("abababab").error?.issues[0].message).toMatch(/repeated characters/);
    expect(passwordSchema.safeParse("abcdefghij").error?.issues[0].message).toMatch(/sequence/);
    expect(passwordSchema.safeParse("x".repeat(100) + "ÿ").success).toBe(false);
  });

  it("hashes with argon2id and verifies only the right password", async () => {
    const stored = await hashPassword("a long enough secret");
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, "a long enough secret")).toBe(true);
    expect(await verifyPassword(stored, "a long enough secreT")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
