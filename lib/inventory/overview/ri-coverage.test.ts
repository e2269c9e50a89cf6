import { describe, expect, it } from "vitest";
import { riCoverage, type CoverageInstance, type CoverageReservation } from "./ri-coverage";

const vm = (patch: Partial<CoverageInstance> = {}): CoverageInstance => ({
  accountId: "1",
  region: "us-east-1",
  availabilityZone: "us-east-1a",
  instanceType: "m5.large",
  platformDetails: "Linux/UNIX",
  tenancy: "default",
  lifecycle: "on-demand",
  state: "running",
  ...patch,
});
const ri = (patch: Partial<CoverageReservation> = {}): CoverageReservation => ({
  accountId: "1",
  region: "us-east-1",
  instanceType: "m5.large",
  instanceCount: 1,
  scope: "Region",
  availabilityZone: null,
  productDescription: "Linux/UNIX",
  instanceTenancy: "default",
  state: "active",
  ...patch,
});

describe("riCoverage", () => {
  it("lets a zonal RI cover only its AZ and a regional RI any AZ of its region", () => {
    const result = riCoverage(
      [
        vm({ availabilityZone: "us-east-1a" }),
        vm({ availabilityZone: "us-east-1b" }),
        vm({ availabilityZone: "us-east-1c" }),
      ],
      [ri({ scope: "Availability Zone", availabilityZone: "us-east-1b" }), ri()],
    );
    expect(result).toMatchObject({ running: 3, covered: 2, uncovered: 1, reserved: 2, unused: 0 });
  });

  it("applies zonal RIs before regional ones, whatever the instance order", () => {
    // The regional RI must not be spent on the instance the zonal one covers.
    const result = riCoverage(
      [vm({ availabilityZone: "us-east-1b" }), vm({ availabilityZone: "us-east-1a" })],
      [ri(), ri({ scope: "Availability Zone", availabilityZone: "us-east-1a" })],
    );
    expect(result.covered).toBe(2);
  });

  it("matches platform (ignoring the Amazon VPC suffix), tenancy, type, region and account", () => {
    const result = riCoverage(
      [
        vm({ platformDetails: "Windows" }),
        vm({ tenancy: "dedicated" }),
        vm({ instanceType: "m5.xlarge" }),
        vm({ region: "eu-west-1", availabilityZone: "eu-west-1a" }),
        vm({ accountId: "2" }),
        vm(),
      ],
      [
        ri({ productDescription: "Windows (Amazon VPC)" }),
        ri({ instanceTenancy: "dedicated" }),
        ri({ instanceCount: 1 }),
      ],
    );
    expect(result).toMatchObject({ running: 6, covered: 3, uncovered: 3 });
    expect(result.rows.find((r) => r.platform === "Windows")).toMatchObject({ covered: 1, reserved: 1 });
  });

  it("leaves out stopped, spot and dedicated-host instances, and retired RIs", () => {
    const result = riCoverage(
      [vm({ state: "stopped" }), vm({ lifecycle: "spot" }), vm({ tenancy: "host" })],
      [ri({ instanceCount: 2 }), ri({ state: "retired" })],
    );
    expect(result).toMatchObject({ running: 0, covered: 0, reserved: 2, unused: 2 });
  });
});

describe("riCoverage over grouped instances (the Overview's GROUP BY)", () => {
  it("gives the same coverage from groups with counts as from one entry per instance", () => {
    const instances = [
      ...Array.from({ length: 5 }, () => vm({ availabilityZone: "us-east-1a" })),
      ...Array.from({ length: 3 }, () => vm({ availabilityZone: "us-east-1b" })),
      ...Array.from({ length: 2 }, () => vm({ instanceType: "c5.large", platformDetails: "Windows" })),
    ];
    const reservations = [
      ri({ scope: "Availability Zone", availabilityZone: "us-east-1a", instanceCount: 2 }),
      ri({ instanceCount: 4 }),
      ri({ instanceType: "c5.large", productDescription: "Windows", instanceCount: 5 }),
    ];
    const groups = new Map<string, CoverageInstance & { instances: number }>();
    for (const instance of instances) {
      const key = JSON.stringify(instance);
      const group = groups.get(key);
      if (group) group.instances++;
      else groups.set(key, { ...instance, instances: 1 });
    }
    expect(groups.size).toBe(3);
    const grouped = riCoverage([...groups.values()], reservations);
    expect(grouped).toEqual(riCoverage(instances, reservations));
    // 1a: 2 zonal + 3 regional; 1b: the regional RI's last 1; c5: 2 of 5.
    expect(grouped).toMatchObject({ running: 10, covered: 8, uncovered: 2, reserved: 11, unused: 3 });
  });
});
