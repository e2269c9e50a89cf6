import type { DBInstance } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import { mapDbInstance } from "./map";

const oracleSe2Byol: DBInstance = {
  DBInstanceIdentifier: "oracle-se2-prod-001",
  DBInstanceClass: "db.r5.2xlarge",
  Engine: "oracle-se2",
  DBInstanceStatus: "available",
  MasterUsername: "admin",
  Endpoint: {
    Address: "oracle-se2-prod-001.c1a2b3c4d5e6.us-east-1.rds.amazonaws.com",
    Port: 1521,
    HostedZoneId: "Z2R2ITUGPM61AM",
  },
  AllocatedStorage: 500,
  InstanceCreateTime: new Date("2024-06-01T12:00:00.000Z"),
  AvailabilityZone: "us-east-1a",
  SecondaryAvailabilityZone: "us-east-1b",
  MultiAZ: true,
  EngineVersion: "19.0.0.0.ru-2024-10.rur-2024-10.r1",
  ReadReplicaDBInstanceIdentifiers: [],
  LicenseModel: "bring-your-own-license",
  OptionGroupMemberships: [{ OptionGroupName: "default:oracle-se2-19", Status: "in-sync" }],
  StorageType: "gp3",
  DbiResourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  DBInstanceArn: "arn:aws:rds:us-east-1:333333333333:db:oracle-se2-prod-001",
  ProcessorFeatures: [
    { Name: "coreCount", Value: "2" },
    { Name: "threadsPerCore", Value: "1" },
  ],
  TagList: [{ Key: "Application", Value: "erp" }],
};

describe("mapDbInstance", () => {
  it("maps an Oracle SE2 BYOL Multi-AZ instance with Optimize CPU", () => {
    const row = mapDbInstance(oracleSe2Byol);
    expect(row).toEqual({
      dbInstanceIdentifier: "oracle-se2-prod-001",
      dbInstanceArn: "arn:aws:rds:us-east-1:333333333333:db:oracle-se2-prod-001",
      dbiResourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      engine: "oracle-se2",
      engineVersion: "19.0.0.0.ru-2024-10.rur-2024-10.r1",
      licenceModel: "byol",
      licenseModel: "bring-your-own-license",
      dbInstanceClass: "db.r5.2xlarge",
      coreCount: 2,
      threadsPerCore: 1,
      vcpus: 2,
      status: "available",
      instanceCreateTime: "2024-06-01T12:00:00.000Z",
      multiAz: true,
      availabilityZone: "us-east-1a",
      secondaryAvailabilityZone: "us-east-1b",
      readReplicaSourceDbInstanceIdentifier: null,
      readReplicaDbInstanceIdentifiers: [],
      replicaMode: null,
      optionGroups: ["default:oracle-se2-19"],
      dbClusterIdentifier: null,
      storageType: "gp3",
      allocatedStorageGb: 500,
      endpointAddress: "oracle-se2-prod-001.c1a2b3c4d5e6.us-east-1.rds.amazonaws.com",
      endpointPort: 1521,
      tags: { Application: "erp" },
      raw: expect.objectContaining({
        DBInstanceIdentifier: "oracle-se2-prod-001",
        InstanceCreateTime: "2024-06-01T12:00:00.000Z",
      }),
    });
  });

  it("uses the class defaults without ProcessorFeatures, and for the feature RDS left out", () => {
    expect(mapDbInstance({ ...oracleSe2Byol, ProcessorFeatures: undefined })).toMatchObject({
      coreCount: 4,
      threadsPerCore: 2,
      vcpus: 8,
    });
    expect(
      mapDbInstance({ ...oracleSe2Byol, ProcessorFeatures: [{ Name: "threadsPerCore", Value: "1" }] }),
    ).toMatchObject({ coreCount: 4, threadsPerCore: 1, vcpus: 4 });
    expect(
      mapDbInstance({ ...oracleSe2Byol, ProcessorFeatures: [], DBInstanceClass: "db.unknown.large" }),
    ).toMatchObject({ coreCount: null, threadsPerCore: null, vcpus: null });
  });

  it("maps a mounted Oracle EE replica and an open-source engine", () => {
    expect(
      mapDbInstance({
        DBInstanceIdentifier: "oracle-ee-prod-001-replica",
        Engine: "oracle-ee",
        LicenseModel: "bring-your-own-license",
        DBInstanceClass: "db.r5.xlarge",
        MultiAZ: false,
        ReadReplicaSourceDBInstanceIdentifier: "oracle-ee-prod-001",
        ReplicaMode: "mounted",
      }),
    ).toMatchObject({
      readReplicaSourceDbInstanceIdentifier: "oracle-ee-prod-001",
      replicaMode: "mounted",
      multiAz: false,
      vcpus: 4,
      licenceModel: "byol",
    });
    expect(
      mapDbInstance({
        DBInstanceIdentifier: "pg",
        Engine: "postgres",
        LicenseModel: "postgresql-license",
        DBInstanceClass: "db.t3.medium",
        ReadReplicaDBInstanceIdentifiers: ["pg-r2", "pg-r1"],
      }),
    ).toMatchObject({
      licenceModel: "none",
      vcpus: 2,
      readReplicaDbInstanceIdentifiers: ["pg-r1", "pg-r2"],
      multiAz: null,
      tags: {},
    });
  });
});
