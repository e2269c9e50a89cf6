import { describe, expect, it } from "vitest";
import { isDeletedConfigItem, parseConfigItem, pascalize } from "./config-item";

describe("Config items", () => {
  it("pascalize turns Config's camelCase back into SDK names", () => {
    expect(
      pascalize({
        dBInstanceIdentifier: "x",
        multiAZ: true,
        dbiResourceId: "d",
        cpuOptions: { coreCount: 2 },
        tags: [{ key: "k", value: "v" }],
      }),
    ).toEqual({
      DBInstanceIdentifier: "x",
      MultiAZ: true,
      DbiResourceId: "d",
      CpuOptions: { CoreCount: 2 },
      Tags: [{ Key: "k", Value: "v" }],
    });
  });

  it("recognises items of deleted resources", () => {
    const item = (configurationItemStatus?: string) => ({ accountId: "1", awsRegion: "r", configurationItemStatus });
    expect(isDeletedConfigItem(item("ResourceDeleted"))).toBe(true);
    expect(isDeletedConfigItem(item("ResourceDeletedNotRecorded"))).toBe(true);
    expect(isDeletedConfigItem(item("OK"))).toBe(false);
    expect(isDeletedConfigItem(item("ResourceDiscovered"))).toBe(false);
    expect(isDeletedConfigItem(item())).toBe(false);
  });

  it("rejects a result without its account and region", () => {
    expect(() => parseConfigItem(JSON.stringify({ resourceId: "i-1" }))).toThrow(/accountId/);
  });
});
