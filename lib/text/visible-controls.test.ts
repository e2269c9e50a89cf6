import { describe, expect, it } from "vitest";
import { showControlCharacters } from "./visible-controls";

describe("showControlCharacters", () => {
  it("writes NUL and every bidi override, embedding, isolate and mark as visible ⟨U+XXXX⟩ text", () => {
    expect(showControlCharacters("invoice\u202Etxt.exe")).toBe("invoice⟨U+202E⟩txt.exe");
    expect(showControlCharacters("a\u0000b")).toBe("a⟨U+0000⟩b");
    const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c];
    for (const code of bidi)
      expect(showControlCharacters(String.fromCharCode(code))).toBe(
        `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`,
      );
    expect(showControlCharacters("\u0007\u001b\u007f")).toBe("⟨U+0007⟩⟨U+001B⟩⟨U+007F⟩");
  });

  it("leaves ordinary text alone: tabs, line breaks, accents, right-to-left scripts, emoji", () => {
    for (const text of ["web-1", "a\tb\r\nc", "Zürich", "שלום", "مرحبا", "🚀", "⟨U+202E⟩", ""])
      expect(showControlCharacters(text)).toBe(text);
  });
});
