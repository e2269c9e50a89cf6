import { describe, expect, it } from "vitest";
import { hasControlChars, hasUnsafeChars, safeText } from "./text-rules";

describe("text rules", () => {
  it("a NUL or a bidi override (U+202E, U+2066-2069, U+200E/F) in one-line text is refused", () => {
    for (const char of [
      "\u0000",
      "\u202E",
      "\u202A",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
      "\u001B",
      "\u007F",
      "\u0085",
      "\n",
      "\t",
    ]) {
      expect(hasUnsafeChars(`prod${char}gpj.exe`)).toBe(true);
      expect(safeText(100).safeParse(`prod${char}gpj.exe`).success).toBe(false);
    }
  });

  it("ordinary text passes: accents, right-to-left scripts, emoji, punctuation", () => {
    for (const text of ["Production (eu)", "Zürich", "שלום", "مرحبا", "🚀 main", "a/b:c@d"]) {
      expect(hasUnsafeChars(text)).toBe(false);
      expect(safeText(100).parse(`  ${text} `)).toBe(text);
    }
  });

  it("a value over the maximum is refused with the limit in the message, never the value", () => {
    const result = safeText(10, "Name").safeParse("x".repeat(11));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("Name: use at most 10 characters");
  });

  it("secrets may hold bidi marks but not control characters", () => {
    expect(hasControlChars("pa\u202Ess")).toBe(false);
    expect(hasControlChars("pa\u0000ss")).toBe(true);
  });
});
