import { describe, expect, it } from "vitest";
import { attemptsOf, pageSizeFor, sendOptions } from "./context";
import { ImageCache } from "./image-cache";

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

describe("ImageCache", () => {
  it("keeps AMIs per account and region, remembering the ones that are gone", () => {
    const cache = new ImageCache();
    const image = { name: "al2023", ownerId: "137112412989", productCodes: [] };
    cache.set("111111111111", "us-east-1", "ami-1", image);
    cache.set("111111111111", "us-east-1", "ami-2", null);
    expect(cache.get("111111111111", "us-east-1", "ami-1")).toEqual(image);
    expect(cache.get("111111111111", "us-east-1", "ami-2")).toBeNull();
    expect(cache.get("111111111111", "us-east-1", "ami-3")).toBeUndefined();
    // Another account or region sees its own AMIs: nothing is shared.
    expect(cache.get("222222222222", "us-east-1", "ami-1")).toBeUndefined();
    expect(cache.missing("111111111111", "us-east-1", ["ami-1", "ami-2", "ami-3", "ami-3", "ami-4"])).toEqual(["ami-3", "ami-4"]);
    expect(cache.missing("111111111111", "eu-west-1", ["ami-1"])).toEqual(["ami-1"]);
    expect(cache.size).toBe(2);
  });
});
