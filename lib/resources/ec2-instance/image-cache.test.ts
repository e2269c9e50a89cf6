import { describe, expect, it } from "vitest";
import { ImageCache } from "./image-cache";

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
    expect(cache.missing("111111111111", "us-east-1", ["ami-1", "ami-2", "ami-3", "ami-3", "ami-4"])).toEqual([
      "ami-3",
      "ami-4",
    ]);
    expect(cache.missing("111111111111", "eu-west-1", ["ami-1"])).toEqual(["ami-1"]);
    expect(cache.size).toBe(2);
  });
});
