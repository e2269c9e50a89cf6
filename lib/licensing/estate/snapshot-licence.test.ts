import { describe, expect, it } from "vitest";
import { RULE_PARAMETERS, ruleParameters } from "..";
import { aggregateLines } from "./aggregate";
import { mergeSnapshotLicence, parseSnapshotLicence, snapshotLicence } from "./snapshot-licence";
import { lineRow } from "./test-lines";
import type { LicenceLineRow } from "./types";

const RATE = RULE_PARAMETERS.ibm.pvusPerVcpu;

const line = (over: Partial<LicenceLineRow>) =>
  lineRow({
    product: "ibm-mq",
    productName: "IBM MQ",
    edition: null,
    metric: "PVUs",
    quantity: 4 * RATE,
    ruleId: "ibm-pvu-vcpus",
    ...over,
  });

const lines = [
  line({}),
  line({ resourceId: "i-2", quantity: 2 * RATE, accountId: "222222222222" }),
  line({ resourceId: "i-3", quantity: null }),
  line({ resourceId: "i-4", product: "sql-server", productName: "SQL Server", metric: "core licences", quantity: 8 }),
];

describe("snapshotLicence", () => {
  it("keeps each group's total and figures by basis, not its accounts or lines", () => {
    const kept = snapshotLicence(lines, 5, RULE_PARAMETERS);
    const position = aggregateLines(lines);
    expect(kept.softwareUnknown).toBe(5);
    expect(kept.pvusPerVcpu).toBe(RATE);
    expect(kept.groups.map((g) => [g.product, g.total, g.byBasis])).toEqual(
      position.map((g) => [g.product, g.total, g.byBasis]),
    );
    expect(kept.groups.every((g) => !("byAccount" in g))).toBe(true);
  });

  it("gives PVU groups the vCPUs behind their figure (lines without one add none), others none", () => {
    const kept = snapshotLicence(lines, 0, RULE_PARAMETERS);
    expect(kept.groups.find((g) => g.product === "ibm-mq")!.vcpus).toBe(4 + 2);
    expect(kept.groups.find((g) => g.product === "sql-server")!.vcpus).toBeUndefined();
    const other = ruleParameters({ ibm: { pvusPerVcpu: 100 } });
    expect(snapshotLicence([line({ quantity: 3 * 100 })], 0, other).groups[0].vcpus).toBe(3);
  });
});

describe("mergeSnapshotLicence", () => {
  it("adds up parts of the estate to the figures of the whole", () => {
    const more = [
      ...lines,
      line({ resourceId: "i-5", quantity: 8 * RATE, basis: "licence included" }),
      line({
        resourceId: "i-6",
        product: "oracle-database",
        productName: "Oracle Database",
        metric: "processor licences",
      }),
    ];
    const whole = snapshotLicence(more, 5, RULE_PARAMETERS);
    for (let cut = 0; cut <= more.length; cut++) {
      const merged = mergeSnapshotLicence(
        snapshotLicence(more.slice(0, cut), 2, RULE_PARAMETERS),
        snapshotLicence(more.slice(cut), 3, RULE_PARAMETERS),
      );
      expect(merged, `cut at ${cut}`).toEqual(whole);
    }
  });
});

describe("parseSnapshotLicence", () => {
  it("reads what snapshotLicence wrote; null, unreadable or unknown versions have no figures", () => {
    const kept = snapshotLicence(lines, 1, RULE_PARAMETERS);
    expect(parseSnapshotLicence(JSON.stringify(kept))).toEqual(kept);
    expect(parseSnapshotLicence(null)).toBeNull();
    expect(parseSnapshotLicence("{")).toBeNull();
    expect(parseSnapshotLicence(JSON.stringify({ ...kept, version: 2 }))).toBeNull();
  });
});
