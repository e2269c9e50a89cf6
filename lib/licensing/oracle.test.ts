import { describe, expect, it } from "vitest";
import { oracleEdition, oracleProcessorLicences } from "./oracle";

describe("oracleEdition", () => {
  it.each([
    ["oracle-ee", "EE"],
    ["oracle-ee-cdb", "EE"],
    ["custom-oracle-ee", "EE"],
    ["custom-oracle-ee-cdb", "EE"],
    ["oracle-se2", "SE2"],
    ["oracle-se2-cdb", "SE2"],
    ["custom-oracle-se2", "SE2"],
    ["oracle-se", "SE"],
    ["oracle-se1", "SE1"],
    ["Oracle-EE", "EE"],
  ])("%s is %s", (engine, edition) => {
    expect(oracleEdition(engine)).toBe(edition);
  });

  it("is null for other engines", () => {
    for (const engine of [
      "postgres",
      "mysql",
      "sqlserver-ee",
      "aurora-postgresql",
      "oracle",
      "oracle-xe",
      "",
      null,
      undefined,
    ])
      expect(oracleEdition(engine)).toBeNull();
  });
});

describe("oracleProcessorLicences", () => {
  it("Enterprise Edition: two vCPUs per licence with hyper-threading, one without (no core factor)", () => {
    expect(oracleProcessorLicences({ engine: "oracle-ee", vcpus: 8, threadsPerCore: 2 })).toEqual({
      edition: "EE",
      processors: 4,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-ee", vcpus: 8, threadsPerCore: 1 })).toEqual({
      edition: "EE",
      processors: 8,
      overLimit: false,
    });
    // Odd vCPU counts round up.
    expect(oracleProcessorLicences({ engine: "oracle-ee-cdb", vcpus: 3, threadsPerCore: 2 })).toEqual({
      edition: "EE",
      processors: 2,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-ee", vcpus: 64, threadsPerCore: 2 })).toEqual({
      edition: "EE",
      processors: 32,
      overLimit: false,
    });
  });

  it("Enterprise Edition with unknown threads per core counts one licence per vCPU (never understates)", () => {
    expect(oracleProcessorLicences({ engine: "oracle-ee", vcpus: 4, threadsPerCore: null })).toEqual({
      edition: "EE",
      processors: 4,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-ee", vcpus: null, threadsPerCore: 2 })).toEqual({
      edition: "EE",
      processors: null,
      overLimit: false,
    });
  });

  it("Standard Edition 2: every 4 vCPUs (rounded up) is a socket, flagged above 8 vCPUs", () => {
    expect(oracleProcessorLicences({ engine: "oracle-se2", vcpus: 2, threadsPerCore: 2 })).toEqual({
      edition: "SE2",
      sockets: 1,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-se2", vcpus: 4, threadsPerCore: 2 })).toEqual({
      edition: "SE2",
      sockets: 1,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-se2", vcpus: 5, threadsPerCore: 1 })).toEqual({
      edition: "SE2",
      sockets: 2,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-se2-cdb", vcpus: 8, threadsPerCore: 2 })).toEqual({
      edition: "SE2",
      sockets: 2,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-se2", vcpus: 16, threadsPerCore: 2 })).toEqual({
      edition: "SE2",
      sockets: 4,
      overLimit: true,
    });
    // Threads per core do not change a socket count.
    expect(oracleProcessorLicences({ engine: "oracle-se2", vcpus: 6, threadsPerCore: 1 })).toEqual({
      edition: "SE2",
      sockets: 2,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-se2", vcpus: null, threadsPerCore: 2 })).toEqual({
      edition: "SE2",
      sockets: null,
      overLimit: false,
    });
  });

  it("legacy Standard Editions: SE1 capped at 8 vCPUs, SE at 16", () => {
    expect(oracleProcessorLicences({ engine: "oracle-se1", vcpus: 12, threadsPerCore: 2 })).toEqual({
      edition: "SE1",
      sockets: 3,
      overLimit: true,
    });
    expect(oracleProcessorLicences({ engine: "oracle-se", vcpus: 12, threadsPerCore: 2 })).toEqual({
      edition: "SE",
      sockets: 3,
      overLimit: false,
    });
    expect(oracleProcessorLicences({ engine: "oracle-se", vcpus: 32, threadsPerCore: 2 })).toEqual({
      edition: "SE",
      sockets: 8,
      overLimit: true,
    });
  });

  it("is null for non-Oracle engines", () => {
    expect(oracleProcessorLicences({ engine: "sqlserver-ee", vcpus: 8, threadsPerCore: 2 })).toBeNull();
    expect(oracleProcessorLicences({ engine: null, vcpus: 8, threadsPerCore: 2 })).toBeNull();
  });
});
