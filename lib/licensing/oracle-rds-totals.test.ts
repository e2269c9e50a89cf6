import { describe, expect, it } from "vitest";
import { type OracleDbInput, oracleRdsTotals } from "./oracle-rds-totals";

const db = (
  engine: string,
  licenceModel: OracleDbInput["licenceModel"],
  vcpus: number | null,
  threadsPerCore: number | null,
  multiAz = false,
): OracleDbInput => ({ engine, licenceModel, vcpus, threadsPerCore, multiAz });

describe("oracleRdsTotals", () => {
  it("ignores other engines", () => {
    expect(oracleRdsTotals([db("postgres", "none", 8, 2), db("sqlserver-ee", "license-included", 8, 2, true)])).toEqual(
      { byEdition: [], byolStandbys: [], totalProcessors: 0, totalSockets: 0 },
    );
  });

  it("counts a BYOL Multi-AZ standby like its primary; a licence-included one is AWS's", () => {
    const totals = oracleRdsTotals([
      db("oracle-ee", "byol", 16, 2, true),
      db("oracle-se2", "license-included", 4, 2, true),
    ]);
    expect(totals.byEdition).toEqual([
      {
        edition: "EE",
        licenceModel: "byol",
        count: 1,
        vcpus: 16,
        processors: 8,
        sockets: 0,
        overLimit: 0,
        unknownVcpus: 0,
      },
      {
        edition: "SE2",
        licenceModel: "license-included",
        count: 1,
        vcpus: 4,
        processors: 0,
        sockets: 1,
        overLimit: 0,
        unknownVcpus: 0,
      },
    ]);
    expect(totals.byolStandbys).toEqual([
      { edition: "EE", count: 1, vcpus: 16, processors: 8, sockets: 0, unknownVcpus: 0 },
    ]);
    expect(totals.totalProcessors).toBe(16);
    expect(totals.totalSockets).toBe(0);
  });

  it("sums CDB and non-CDB engines of one edition, and flags SE2 above 8 vCPUs", () => {
    const totals = oracleRdsTotals([
      db("oracle-se2", "byol", 8, 2),
      db("oracle-se2-cdb", "byol", 12, 1),
      db("oracle-ee-cdb", "byol", 6, 1),
    ]);
    expect(totals.byEdition).toEqual([
      {
        edition: "EE",
        licenceModel: "byol",
        count: 1,
        vcpus: 6,
        processors: 6,
        sockets: 0,
        overLimit: 0,
        unknownVcpus: 0,
      },
      {
        edition: "SE2",
        licenceModel: "byol",
        count: 2,
        vcpus: 20,
        processors: 0,
        sockets: 5,
        overLimit: 1,
        unknownVcpus: 0,
      },
    ]);
    expect(totals).toMatchObject({ totalProcessors: 6, totalSockets: 5, byolStandbys: [] });
  });

  it("reports instances of unknown size instead of counting them as zero silently", () => {
    const totals = oracleRdsTotals([db("oracle-ee", "byol", null, null, true), db("oracle-ee", "unknown", 4, 2)]);
    expect(totals.byEdition.map((t) => [t.licenceModel, t.count, t.unknownVcpus, t.processors])).toEqual([
      ["byol", 1, 1, 0],
      ["unknown", 1, 0, 2],
    ]);
    expect(totals.byolStandbys).toEqual([
      { edition: "EE", count: 1, vcpus: 0, processors: 0, sockets: 0, unknownVcpus: 1 },
    ]);
    // Only BYOL counts toward the customer's entitlements.
    expect(totals.totalProcessors).toBe(0);
  });
});
