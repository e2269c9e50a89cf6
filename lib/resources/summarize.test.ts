import { describe, expect, it } from "vitest";
import type { DbInstanceRow, HostRow, InstanceRow, LicenceModel, ReservedInstanceRow } from "./rows";
import { summarizeInventory } from "./summarize";

// A small hand-made inventory; every expected figure below is worked out by hand in comments.
type Where = { accountId: string; region: string };

function instance(
  id: string,
  where: Where,
  state: string,
  vcpus: number | null,
  licensedProduct: string,
  licenceModel: LicenceModel,
  hostId: string | null = null,
): InstanceRow & Where {
  return {
    ...where,
    instanceId: id,
    ownerId: where.accountId,
    availabilityZone: `${where.region}a`,
    name: id,
    state,
    stateTransitionReason: null,
    launchTime: null,
    lifecycle: "on-demand",
    instanceType: null,
    coreCount: null,
    threadsPerCore: null,
    vcpus,
    vcpuSource: null,
    platform: null,
    platformDetails: null,
    usageOperation: null,
    licensedProduct,
    licenceModel,
    imageId: null,
    imageName: null,
    imageOwnerId: null,
    imageProductCodes: [],
    licenseConfigurationArns: [],
    tenancy: hostId ? "host" : "default",
    hostId,
    affinity: null,
    privateIpAddress: null,
    privateDnsName: null,
    publicIpAddress: null,
    vpcId: null,
    subnetId: null,
    iamInstanceProfileArn: null,
    tags: {},
    raw: {},
  };
}

function host(
  id: string,
  where: Where,
  state: string,
  sockets: number,
  cores: number,
  totalVcpus: number,
): HostRow & Where {
  return {
    ...where,
    hostId: id,
    ownerId: where.accountId,
    availabilityZone: null,
    state,
    sockets,
    cores,
    totalVcpus,
    instanceType: null,
    instanceFamily: "m5",
    instances: [],
    availableVcpus: null,
    allocationTime: null,
    releaseTime: null,
    autoPlacement: null,
    hostRecovery: null,
    hostReservationId: null,
    name: null,
    tags: {},
    raw: {},
  };
}

function reservation(id: string, state: string, instanceCount: number, end: string): ReservedInstanceRow & Where {
  return {
    ...A_EAST,
    reservedInstancesId: id,
    instanceType: "m5.large",
    instanceCount,
    scope: "Region",
    availabilityZone: null,
    instanceTenancy: "default",
    productDescription: "Linux/UNIX",
    start: null,
    end,
    durationSeconds: 31536000,
    state,
    offeringClass: "standard",
    offeringType: "No Upfront",
    fixedPrice: 0,
    usagePrice: 0,
    recurringCharges: [],
    currencyCode: "USD",
    tags: {},
    raw: {},
  };
}

function db(
  id: string,
  engine: string,
  licenceModel: LicenceModel,
  vcpus: number | null,
  threadsPerCore: number | null,
  multiAz: boolean,
): DbInstanceRow & Where {
  return {
    ...A_EAST,
    dbInstanceIdentifier: id,
    dbInstanceArn: null,
    dbiResourceId: null,
    engine,
    engineVersion: null,
    licenceModel,
    licenseModel: null,
    dbInstanceClass: null,
    coreCount: null,
    threadsPerCore,
    vcpus,
    status: "available",
    instanceCreateTime: null,
    multiAz,
    availabilityZone: null,
    secondaryAvailabilityZone: null,
    readReplicaSourceDbInstanceIdentifier: null,
    readReplicaDbInstanceIdentifiers: [],
    replicaMode: null,
    optionGroups: [],
    dbClusterIdentifier: null,
    storageType: null,
    allocatedStorageGb: null,
    endpointAddress: null,
    endpointPort: null,
    tags: {},
    raw: {},
  };
}

const A_EAST = { accountId: "111111111111", region: "us-east-1" };
const A_WEST = { accountId: "111111111111", region: "eu-west-1" };
const B_EAST = { accountId: "222222222222", region: "us-east-1" };
const B_WEST = { accountId: "222222222222", region: "eu-west-1" };
const C_WEST = { accountId: "333333333333", region: "eu-west-1" };

const inventory = {
  instances: [
    instance("i-1", A_EAST, "running", 8, "Windows", "byol", "h-1"),
    instance("i-2", A_EAST, "stopped", 4, "Windows", "byol", "h-1"), // stopped: frees its host capacity
    instance("i-3", B_EAST, "running", 2, "Linux/UNIX", "none"),
    instance("i-4", B_WEST, "running", 16, "Windows with SQL Server Enterprise", "license-included", "h-2"), // on another account's host
    instance("i-5", B_WEST, "stopped", 2, "Linux/UNIX", "none"),
    instance("i-6", A_WEST, "running", null, "unknown", "unknown"),
    instance("i-7", A_EAST, "running", 4, "Linux/UNIX", "none", "h-3"), // on a released host: not counted as used
  ],
  hosts: [
    host("h-1", A_EAST, "available", 2, 48, 96),
    host("h-2", C_WEST, "available", 2, 36, 72),
    host("h-3", A_EAST, "released", 2, 48, 96),
  ],
  reservedInstances: [
    reservation("ri-1", "active", 2, "2026-12-10T00:00:00.000Z"), // 18 days out
    reservation("ri-2", "active", 3, "2027-02-01T00:00:00.000Z"), // 71 days out
    reservation("ri-3", "active", 1, "2028-01-01T00:00:00.000Z"),
    reservation("ri-4", "retired", 5, "2026-11-01T00:00:00.000Z"),
  ],
  dbInstances: [
    db("d-1", "oracle-ee", "byol", 8, 2, true), // 4 processors, and 4 more for its standby
    db("d-2", "oracle-ee", "byol", 4, 1, false), // hyper-threading off: 4 processors
    db("d-3", "oracle-se2", "byol", 4, 2, true), // 1 socket, and 1 for its standby
    db("d-4", "oracle-se2", "byol", 16, 2, false), // 4 sockets, over SE2's 8 vCPUs
    db("d-5", "oracle-se2", "license-included", 8, 2, true), // 2 sockets, paid through AWS
    db("d-6", "postgres", "none", 2, 2, false),
    db("d-7", "oracle-ee", "byol", null, null, false), // vCPUs unknown
  ],
};

const NOW = new Date("2026-11-22T00:00:00.000Z");
const t = (count: number, running: number, vcpus: number, runningVcpus: number) => ({
  count,
  running,
  vcpus,
  runningVcpus,
});

describe("summarizeInventory", () => {
  const summary = summarizeInventory(inventory, NOW);

  it("totals instances and vCPUs, by account, region and licence", () => {
    // running: i-1 i-3 i-4 i-6 i-7; vCPUs 8+4+2+16+2+0+4 = 36, running 8+2+16+0+4 = 30
    expect(summary.totals).toMatchObject({ instances: 7, ...t(7, 5, 36, 30) });
    expect(summary.totals.byAccount).toEqual({ "111111111111": t(4, 3, 16, 12), "222222222222": t(3, 2, 20, 18) });
    expect(summary.totals.byRegion).toEqual({ "eu-west-1": t(3, 2, 18, 16), "us-east-1": t(4, 3, 18, 14) });
    expect(summary.totals.byLicence).toEqual([
      { licensedProduct: "Linux/UNIX", licenceModel: "none", ...t(3, 2, 8, 6) },
      { licensedProduct: "unknown", licenceModel: "unknown", ...t(1, 1, 0, 0) },
      { licensedProduct: "Windows", licenceModel: "byol", ...t(2, 1, 12, 8) },
      { licensedProduct: "Windows with SQL Server Enterprise", licenceModel: "license-included", ...t(1, 1, 16, 16) },
    ]);
    expect(summary.takenAt).toBe("2026-11-22T00:00:00.000Z");
  });

  it("gives the same figures from grouped instances (a database GROUP BY) as from rows", () => {
    // Group the rows as store-snapshot.ts does: same account, region, state, licence and host.
    const rows = [
      ...inventory.instances,
      instance("i-8", B_EAST, "running", 6, "Linux/UNIX", "none"),
      instance("i-9", A_EAST, "running", 8, "Windows", "byol", "h-1"),
    ];
    const groups = new Map<string, (typeof rows)[number] & { instances: number }>();
    for (const row of rows) {
      const key = [row.accountId, row.region, row.state, row.licensedProduct, row.licenceModel, row.hostId].join("|");
      const group = groups.get(key);
      if (group) Object.assign(group, { instances: group.instances + 1, vcpus: (group.vcpus ?? 0) + (row.vcpus ?? 0) });
      else groups.set(key, { ...row, instances: 1 });
    }
    expect(groups.size).toBe(rows.length - 2);
    expect(summarizeInventory({ ...inventory, instances: [...groups.values()] }, NOW)).toEqual(
      summarizeInventory({ ...inventory, instances: rows }, NOW),
    );
  });

  it("counts Oracle on RDS per edition and licence model, with BYOL Multi-AZ standbys apart", () => {
    expect(summary.oracle.byEdition).toEqual([
      {
        edition: "EE",
        licenceModel: "byol",
        count: 3,
        vcpus: 12,
        processors: 8,
        sockets: 0,
        overLimit: 0,
        unknownVcpus: 1,
      },
      {
        edition: "SE2",
        licenceModel: "byol",
        count: 2,
        vcpus: 20,
        processors: 0,
        sockets: 5,
        overLimit: 1,
        unknownVcpus: 0,
      },
      {
        edition: "SE2",
        licenceModel: "license-included",
        count: 1,
        vcpus: 8,
        processors: 0,
        sockets: 2,
        overLimit: 0,
        unknownVcpus: 0,
      },
    ]);
    expect(summary.oracle.byolStandbys).toEqual([
      { edition: "EE", count: 1, vcpus: 8, processors: 4, sockets: 0, unknownVcpus: 0 },
      { edition: "SE2", count: 1, vcpus: 4, processors: 0, sockets: 1, unknownVcpus: 0 },
    ]);
    // BYOL only: EE 8 + standby 4; SE2 5 + standby 1. The licence-included SE2 is AWS's.
    expect(summary.oracle.totalProcessors).toBe(12);
    expect(summary.oracle.totalSockets).toBe(6);
  });

  it("summarises databases by engine and licence model", () => {
    expect(summary.databases).toEqual({
      count: 7,
      byEngine: [
        { engine: "oracle-ee", licenceModel: "byol", count: 3, vcpus: 12 },
        { engine: "oracle-se2", licenceModel: "byol", count: 2, vcpus: 20 },
        { engine: "oracle-se2", licenceModel: "license-included", count: 1, vcpus: 8 },
        { engine: "postgres", licenceModel: "none", count: 1, vcpus: 2 },
      ],
    });
  });

  it("adds up dedicated hosts, and their use by the instances placed on them", () => {
    // Active h-1 + h-2: 4 sockets, 84 cores, 168 vCPUs; used: i-1 (8) + i-4 (16) = 24; 24/168
    expect(summary.hosts).toEqual({
      count: 2,
      released: 1,
      sockets: 4,
      cores: 84,
      totalVcpus: 168,
      usedVcpus: 24,
      utilisation: 0.1429,
    });
  });

  it("counts active reservations and those expiring within 30 and 90 days", () => {
    expect(summary.reservedInstances).toEqual({
      count: 4,
      active: 3,
      activeInstances: 6,
      expiringIn30Days: { count: 1, instances: 2 },
      expiringIn90Days: { count: 2, instances: 5 },
    });
  });

  it("is plain JSON, and an empty inventory gives zeros", () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    const empty = summarizeInventory({ instances: [], hosts: [], reservedInstances: [], dbInstances: [] }, NOW);
    expect(empty.totals).toEqual({ instances: 0, ...t(0, 0, 0, 0), byAccount: {}, byRegion: {}, byLicence: [] });
    expect(empty.hosts.utilisation).toBe(0);
    expect(empty.oracle).toEqual({ byEdition: [], byolStandbys: [], totalProcessors: 0, totalSockets: 0 });
  });
});
