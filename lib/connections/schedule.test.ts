import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { upcomingRuns } from "./schedule";

describe("schedule preview (issue 12 item 4)", () => {
  it("lists the next three runs in UTC, after the given time", () => {
    const after = new Date("2026-03-10T10:07:00Z");
    const expected = new Cron("0 */6 * * *", { timezone: "UTC" }).nextRuns(3, after).map((date) => date.toISOString());
    expect(upcomingRuns("0 */6 * * *", 3, after).map((date) => date.toISOString())).toEqual(expected);
    expect(expected[0]).toBe("2026-03-10T12:00:00.000Z");
  });

  it("shows nothing for a schedule that is not valid", () => {
    expect(upcomingRuns("every day")).toEqual([]);
    expect(upcomingRuns("* * * * *")).toEqual([]);
  });
});
