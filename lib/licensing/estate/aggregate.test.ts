import { describe, expect, it } from "vitest";
import { aggregateLines } from "./aggregate";
import { lineRow } from "./test-lines";

const line = lineRow;

describe("aggregateLines", () => {
  it("sums per basis and account and counts lines without a figure apart", () => {
    const [group] = aggregateLines([
      line({}),
      line({ resourceId: "i-2", quantity: 8, accountId: "222222222222" }),
      line({ resourceId: "i-3", quantity: null }),
      line({ resourceId: "i-4", quantity: 0, basis: "licence included" }),
    ]);
    expect(group.total).toEqual({ quantity: 12, lines: 4, missing: 1 });
    expect(group.byBasis.BYOL).toEqual({ quantity: 12, lines: 3, missing: 1 });
    expect(group.byBasis["licence included"]).toEqual({ quantity: 0, lines: 1, missing: 0 });
    expect(group.byAccount.map((a) => [a.accountId, a.byBasis.BYOL.quantity, a.byBasis.BYOL.missing])).toEqual([
      ["111111111111", 4, 1],
      ["222222222222", 8, 0],
    ]);
  });

  it("keeps editions and metrics apart", () => {
    const groups = aggregateLines([line({}), line({ edition: "Developer", basis: "free edition", quantity: 0 })]);
    expect(groups.map((g) => g.edition)).toEqual(["Developer", "Standard"]);
  });
});
