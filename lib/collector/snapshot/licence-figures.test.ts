import { afterEach, describe, expect, it, vi } from "vitest";
import { RULE_PARAMETERS } from "../../licensing";
import type { StoredEstate } from "../../licensing/estate";

// The database is not this test's subject: loadEstate is replaced, the builder is the real one.
const loadEstate = vi.fn<() => Promise<StoredEstate>>();
vi.mock("../../licensing/estate/load-estate", () => ({ loadEstate: () => loadEstate() }));
const { licenceFigures } = await import("./licence-figures");

const empty = (): StoredEstate => ({
  instances: [],
  nodes: [],
  software: [],
  hosts: [],
  databases: [],
  softwareCellsRead: new Set(),
  aliases: new Map(),
});

afterEach(() => vi.restoreAllMocks());

describe("licenceFigures", () => {
  it("keeps the estate's figures as JSON", async () => {
    loadEstate.mockResolvedValueOnce(empty());
    expect(JSON.parse((await licenceFigures(new Date()))!)).toEqual({
      version: 1,
      pvusPerVcpu: RULE_PARAMETERS.ibm.pvusPerVcpu,
      softwareUnknown: 0,
      groups: [],
    });
  });

  it("does not fail the run when they cannot be computed: logs why and keeps null (a gap, not 0)", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    loadEstate.mockRejectedValueOnce(new Error("database gone"));
    expect(await licenceFigures(new Date())).toBeNull();
    expect(errors.mock.calls.flat().join(" ")).toContain("database gone");
    expect(warnings.mock.calls.flat().join(" ")).toContain("collector.snapshot_licence_not_computed");
  });
});
