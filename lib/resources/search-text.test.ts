import { describe, expect, it } from "vitest";
import { searchTextOf } from "./search-text";

describe("searchTextOf", () => {
  it("lists every value (nested ones too) and each tag key just before its value, never field names or raw", () => {
    const text = searchTextOf({
      instanceId: "i-1",
      vcpus: 8,
      ebsOptimized: false,
      launchTime: new Date("2025-01-02T03:04:05.000Z"),
      stateReason: null,
      blockDevices: [{ deviceName: "/dev/xvda", volumeId: "vol-1" }],
      tags: { Name: "web", "a=b": "c=d" },
      raw: { Secret: "not searched" },
    });
    expect(text.split("\n")).toEqual([
      "i-1",
      "8",
      "false",
      "2025-01-02T03:04:05.000Z",
      "/dev/xvda",
      "vol-1",
      "Name",
      "web",
      "a=b",
      "c=d",
    ]);
  });
});
