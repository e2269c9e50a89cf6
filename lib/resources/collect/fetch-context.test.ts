import { describe, expect, it } from "vitest";
import { attemptsOf, pageSizeFor, sendOptions } from "./fetch-context";

describe("pageSizeFor", () => {
  it("defaults to each API's largest page", () => {
    expect(pageSizeFor("describeInstances", undefined)).toBe(1000);
    expect(pageSizeFor("describeHosts", undefined)).toBe(500);
    expect(pageSizeFor("describeDBInstances", undefined)).toBe(100);
    expect(pageSizeFor("selectAggregateResourceConfig", undefined)).toBe(100);
  });

  it("clamps a requested size into what the API accepts", () => {
    expect(pageSizeFor("describeInstances", 5)).toBe(5);
    expect(pageSizeFor("describeInstances", 1)).toBe(5);
    expect(pageSizeFor("describeInstances", 5000)).toBe(1000);
    expect(pageSizeFor("describeHosts", 800)).toBe(500);
    expect(pageSizeFor("describeDBInstances", 5)).toBe(20);
    expect(pageSizeFor("selectAggregateResourceConfig", 0)).toBe(1);
    expect(pageSizeFor("describeInstances", 7.9)).toBe(7);
    expect(pageSizeFor("describeInstances", Number.NaN)).toBe(1000);
  });
});

describe("attemptsOf and sendOptions", () => {
  it("counts the SDK's attempts, one when it did not say", () => {
    expect(attemptsOf({ $metadata: { attempts: 3 } })).toBe(3);
    expect(attemptsOf({ $metadata: {} })).toBe(1);
    expect(attemptsOf(undefined)).toBe(1);
  });

  it("passes the signal on, and refuses to start once it is aborted", () => {
    const controller = new AbortController();
    expect(sendOptions(undefined)).toEqual({});
    expect(sendOptions(controller.signal)).toEqual({ abortSignal: controller.signal });
    controller.abort();
    expect(() => sendOptions(controller.signal)).toThrow(expect.objectContaining({ name: "AbortError" }));
  });
});
