import { describe, expect, it } from "vitest";
import { MAX_PAGE, parsePageParam } from "./page-param";

describe("parsePageParam", () => {
  it("?page=1e400 on /runs and ?page=99999999999999999999 on the audit log become pages Prisma can skip to", () => {
    expect(parsePageParam("1e400")).toBe(1);
    expect(parsePageParam("99999999999999999999")).toBe(MAX_PAGE);
    expect(parsePageParam("9".repeat(400))).toBe(MAX_PAGE);
    for (const page of [parsePageParam("1e400"), parsePageParam("99999999999999999999")])
      expect(Number.isSafeInteger((page - 1) * 50)).toBe(true);
  });

  it("reads whole page numbers and falls back to page 1 for anything else", () => {
    expect(parsePageParam("3")).toBe(3);
    expect(parsePageParam(" 7 ")).toBe(7);
    expect(parsePageParam(["2", "5"])).toBe(2);
    for (const page of [undefined, "", "0", "-4", "2.5", "Infinity", "NaN", "0x10", "abc"])
      expect(parsePageParam(page), String(page)).toBe(1);
  });
});
