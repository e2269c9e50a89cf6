import { describe, expect, it } from "vitest";
import { COLLECTORS } from "./collectors";
import { RESOURCES } from "./registry";
import { RESOURCE_TYPES } from "./rows";

describe("COLLECTORS", () => {
  it("reads every registered type, and maps Config items exactly for the types AWS Config records", () => {
    expect(Object.keys(COLLECTORS).sort()).toEqual([...RESOURCE_TYPES].sort());
    for (const type of RESOURCE_TYPES) {
      expect(typeof COLLECTORS[type].fetch, type).toBe("function");
      expect(COLLECTORS[type].fromConfigItem !== null, type).toBe(RESOURCES[type].aws.configResourceType !== null);
    }
  });
});
