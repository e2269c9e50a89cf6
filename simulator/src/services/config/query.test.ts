import { describe, expect, it } from "vitest";
import { matches, pinnedResourceTypes, project } from "./query-eval";
import { parseQuery } from "./query-parser";

const record = {
  accountId: "222222222222",
  awsRegion: "eu-west-1",
  resourceType: "AWS::EC2::Instance",
  resourceId: "i-1",
  tags: [
    { key: "Name", value: "web" },
    { key: "Env", value: "prod" },
  ],
  configuration: {
    instanceType: "m5.large",
    cpuOptions: { coreCount: 1, threadsPerCore: 2 },
    state: { name: "running" },
  },
};

describe("Config advanced query subset", () => {
  it("parses SELECT lists and WHERE with AND / IN", () => {
    const q = parseQuery(
      "SELECT accountId, configuration.cpuOptions.coreCount, tags WHERE resourceType IN ('AWS::EC2::Instance', 'AWS::EC2::Host') AND accountId = '222222222222'",
    );
    expect(q.select).toEqual(["accountId", "configuration.cpuOptions.coreCount", "tags"]);
    expect(matches(record, q.where!)).toBe(true);
    expect(pinnedResourceTypes(q.where)).toEqual(["AWS::EC2::Instance", "AWS::EC2::Host"]);
  });

  it("evaluates OR, NOT, LIKE, BETWEEN and comparisons", () => {
    const m = (where: string) => matches(record, parseQuery(`SELECT resourceId WHERE ${where}`).where!);
    expect(m("awsRegion = 'us-east-1' OR configuration.instanceType LIKE 'm5.%'")).toBe(true);
    expect(m("NOT (awsRegion = 'eu-west-1')")).toBe(false);
    expect(m("configuration.cpuOptions.coreCount BETWEEN 1 AND 4")).toBe(true);
    expect(m("configuration.cpuOptions.coreCount > 1")).toBe(false);
    expect(m("tags.key = 'Env'")).toBe(true);
    expect(m("accountId NOT IN ('222222222222')")).toBe(false);
  });

  it("projects dotted paths into nested objects", () => {
    const out = JSON.parse(
      project(record, ["resourceId", "configuration.cpuOptions.coreCount", "configuration.instanceType", "tags.key"]),
    );
    expect(out).toEqual({
      resourceId: "i-1",
      configuration: { cpuOptions: { coreCount: 1 }, instanceType: "m5.large" },
      tags: [{ key: "Name" }, { key: "Env" }],
    });
  });

  it.each([
    "SELECT * WHERE resourceType = 'x'",
    "SELECT COUNT(*) WHERE resourceType = 'x'",
    "SELECT resourceId WHERE resourceType = 'x' GROUP BY awsRegion",
    "SELECT resourceId FROM x",
    "SELECT resourceId WHERE",
    "DELETE x",
  ])("rejects unsupported grammar: %s", (expr) => {
    expect(() => parseQuery(expr)).toThrow(expect.objectContaining({ code: "InvalidExpressionException" }));
  });
});
