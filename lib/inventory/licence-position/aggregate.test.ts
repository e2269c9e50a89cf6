import { describe, expect, it } from "vitest";
import { aggregateLines } from "./aggregate";
import type { LicenceLineRow } from "./types";

const line = (over: Partial<LicenceLineRow>): LicenceLineRow => ({
  resourceKind: "ec2-instance",
  resourceId: "i-1",
  resourceName: null,
  accountId: "111111111111",
  accountAlias: null,
  region: "us-east-1",
  state: "running",
  product: "sql-server",
  productName: "Microsoft SQL Server",
  edition: "Standard",
  metric: "core licences",
  quantity: 4,
  basis: "BYOL",
  ruleId: "r",
  arithmetic: "",
  evidence: [],
  flags: [],
  ...over,
});

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
