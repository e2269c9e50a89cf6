import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors";
import { parseTrendPeriod, TREND_DEFAULT_DAYS, trendDays } from "./trend-period";

const now = new Date("2026-12-06T12:00:00Z");
const parse = (query: string) => parseTrendPeriod(new URLSearchParams(query), now);
const fieldErrors = (query: string) => {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  return null;
};

describe("parseTrendPeriod", () => {
  it("defaults to the last 30 days", () => {
    expect(parse("")).toEqual({ from: new Date(now.getTime() - TREND_DEFAULT_DAYS * 86_400_000), to: now });
  });

  it("reads a bare date as the whole UTC day, a date-time as given", () => {
    expect(parse("from=2026-12-01&to=2026-12-05")).toEqual({
      from: new Date("2026-12-01T00:00:00.000Z"),
      to: new Date("2026-12-05T23:59:59.999Z"),
    });
    expect(parse("from=2026-12-05T10:30:00%2B01:00").from).toEqual(new Date("2026-12-05T09:30:00Z"));
  });

  it("refuses what is not a date, a day that does not exist, a time without offset, and reversed or long periods", () => {
    expect(fieldErrors("from=yesterday")).toHaveProperty("from");
    expect(fieldErrors("to=2026-02-31")).toHaveProperty("to");
    expect(fieldErrors("from=2026-12-05T10:30")).toHaveProperty("from");
    expect(fieldErrors("from=2026-12-05&to=2026-12-01")?.from).toEqual(["from must not be after to"]);
    expect(fieldErrors("from=2024-01-01")).toHaveProperty("from");
  });
});

describe("trendDays", () => {
  it("takes one of the page's choices, else the default", () => {
    expect(trendDays("7")).toBe(7);
    expect(trendDays(["90", "7"])).toBe(90);
    expect(trendDays("8")).toBe(TREND_DEFAULT_DAYS);
    expect(trendDays(undefined)).toBe(TREND_DEFAULT_DAYS);
  });
});
