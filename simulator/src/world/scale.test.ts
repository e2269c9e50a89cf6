import { describe, expect, it } from "vitest";
import { summarize } from "../control/summary";
import { buildPreset } from "./load";
import { World } from "./world";

describe("scale world", () => {
  it("builds 50 × 16 × 200 without generating resources, and counts them from the spec", () => {
    const world = new World(buildPreset("scale", { accounts: 50, regions: 16, instancesPerRegion: 200 }));
    const summary = summarize(world);
    const total = summary.accounts.flatMap((a) => a.regions).reduce((s, r) => s + r.instances, 0);
    expect(total).toBe(160_000);
    expect(world.isMaterialized("100000000001", "us-east-1")).toBe(false);
  });

  it("gives every member role one external ID, the given one when set (a connection has one)", () => {
    const trusted = (spec: ReturnType<typeof buildPreset>) =>
      new Set(
        spec.iam.roles
          .filter((role) => role.name === "CirrusInventoryRole")
          .map((role) => JSON.stringify(role.trustPolicy).match(/"sts:ExternalId":"([^"]+)"/)?.[1]),
      );
    expect(trusted(buildPreset("scale", { accounts: 6, regions: 1 })).size).toBe(1);
    expect([
      ...trusted(buildPreset("scale", { accounts: 6, regions: 1, sharedExternalId: "the-connection-id" })),
    ]).toEqual(["the-connection-id"]);
  });

  it("generates a region on first access, deterministically, matching the counted totals", () => {
    const a = new World(buildPreset("scale", { accounts: 3, regions: 2, instancesPerRegion: 40, seed: 5 }));
    const b = new World(buildPreset("scale", { accounts: 3, regions: 2, instancesPerRegion: 40, seed: 5 }));
    const region = a.region("100000000002", "us-east-2")!;
    expect(region.instances).toHaveLength(40);
    expect(region.hosts).toHaveLength(1);
    expect(region.dbInstances).toHaveLength(2);
    expect(b.region("100000000002", "us-east-2")!.instances.map((i) => i.InstanceId)).toEqual(
      region.instances.map((i) => i.InstanceId),
    );
    const other = new World(buildPreset("scale", { accounts: 3, regions: 2, instancesPerRegion: 40, seed: 6 }));
    expect(other.region("100000000002", "us-east-2")!.instances[0].InstanceId).not.toBe(region.instances[0].InstanceId);
  });
});
