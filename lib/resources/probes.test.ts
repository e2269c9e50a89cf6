import { describe, expect, it } from "vitest";
import { PROBES, probeCall } from "./probes";
import { RESOURCE_LIST } from "./registry";

// Test Connection proves every permission the collector uses: a type whose read or helper
// action had no call would make the checklist throw instead of checking it.
describe("Test Connection probes", () => {
  it.each(RESOURCE_LIST.map((definition) => [definition.type, definition] as const))(
    "%s: one call for its read action and each helper, nothing else",
    (type, definition) => {
      expect(Object.keys(PROBES[type]).sort()).toEqual([definition.aws.read, ...definition.aws.helpers].sort());
      for (const action of [definition.aws.read, ...definition.aws.helpers])
        expect(probeCall(action), action).toBeTypeOf("function");
    },
  );
});
