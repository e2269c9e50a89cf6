import { describe, expect, it } from "vitest";
import { notEnabledNotes } from "./run-notes";

describe("notes on regions not enabled", () => {
  it("one note per region, naming the accounts, instead of one per account", () => {
    const accounts = ["555555555555", "111111111111", "222222222222"].map((accountId) => ({
      accountId,
      notEnabled: ["me-south-1"],
    }));
    accounts.push({ accountId: "333333333333", notEnabled: ["me-south-1", "af-south-1"] });
    expect(notEnabledNotes(accounts)).toEqual([
      "Region af-south-1 is not enabled in account 333333333333: skipped.",
      "Region me-south-1 is not enabled in 4 accounts (111111111111, 222222222222, 333333333333, 555555555555): skipped.",
    ]);
    expect(notEnabledNotes([{ accountId: "111111111111", notEnabled: [] }])).toEqual([]);
  });

  it("a large organization's note stays one line", () => {
    const accounts = Array.from({ length: 40 }, (_, i) => ({
      accountId: String(100000000000 + i),
      notEnabled: ["me-south-1"],
    }));
    const [note] = notEnabledNotes(accounts);
    expect(note).toMatch(
      /^Region me-south-1 is not enabled in 40 accounts \(100000000000, .* and 35 more\): skipped\.$/,
    );
  });
});
