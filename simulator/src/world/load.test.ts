import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { summarize } from "../control/summary";
import { validateWorld } from "./load";
import { World } from "./world";

describe("world files", () => {
  it("accept the example in docs/simulator.md", () => {
    const doc = readFileSync(resolve("docs/simulator.md"), "utf8");
    const example = /```json\n(\{\n  "format"[\s\S]*?)\n```/.exec(doc)![1];
    const world = new World(validateWorld(JSON.parse(example)));
    const regions = summarize(world).accounts[0].regions;
    expect(regions.map((r) => [r.name, r.instances])).toEqual([
      ["us-east-1", 1],
      ["eu-west-1", 100],
      ["af-south-1", 0],
    ]);
    expect(world.region("123456789012", "eu-west-1")!.instances).toHaveLength(100);
    expect(world.accessKey("AKIAEXAMPLEEXAMPLE01")?.user.name).toBe("reader");
  });

  it.each([
    [{ format: "x" }, /"format" must be/],
    [
      { format: "cirrus-simulator-world/1", partition: "aws", accounts: [{ id: "12", regions: [] }] },
      /must be 12 digits/,
    ],
    [
      {
        format: "cirrus-simulator-world/1",
        partition: "aws-cn",
        accounts: [{ id: "123456789012", regions: [{ name: "us-east-1", optIn: "opt-in-not-required" }] }],
      },
      /not in partition aws-cn/,
    ],
    [
      {
        format: "cirrus-simulator-world/1",
        partition: "aws",
        accounts: [{ id: "123456789012", regions: [{ name: "us-east-1", optIn: "maybe" }] }],
      },
      /bad optIn/,
    ],
  ])("reject malformed worlds with a clear message (%#)", (world, message) => {
    expect(() => validateWorld(world, "test.json")).toThrow(message);
  });
});
