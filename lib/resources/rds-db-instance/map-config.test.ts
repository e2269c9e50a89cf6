import { describe, expect, it } from "vitest";
import { parseConfigItem } from "../collect/config-item";
import { mapDbInstance } from "./map";
import { dbInstanceFromConfigItem } from "./map-config";

const withoutRaw = <T extends { raw: unknown }>(row: T) => ({ ...row, raw: undefined });

// As SelectAggregateResourceConfig returns them for
// SELECT accountId, awsRegion, resourceId, resourceName, availabilityZone, tags, configuration.
const dbResult = JSON.stringify({
  accountId: "333333333333",
  awsRegion: "eu-west-1",
  resourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  resourceName: "oracle-ee-prod-001",
  availabilityZone: "eu-west-1a",
  tags: [{ key: "Application", value: "erp", tag: "Application=erp" }],
  configuration: {
    dBInstanceIdentifier: "oracle-ee-prod-001",
    dBInstanceClass: "db.r5.2xlarge",
    engine: "oracle-ee",
    dBInstanceStatus: "available",
    multiAZ: true,
    licenseModel: "bring-your-own-license",
    dbiResourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    dBInstanceArn: "arn:aws:rds:eu-west-1:333333333333:db:oracle-ee-prod-001",
    instanceCreateTime: "2024-06-01T12:00:00.000Z",
    processorFeatures: [
      { name: "coreCount", value: "4" },
      { name: "threadsPerCore", value: "2" },
    ],
    endpoint: { address: "oracle-ee-prod-001.x.eu-west-1.rds.amazonaws.com", port: 1521 },
    optionGroupMemberships: [{ optionGroupName: "default:oracle-ee-19", status: "in-sync" }],
  },
});

describe("RDS DB instance Config items", () => {
  it("an RDS item with dB casing gives the row DescribeDBInstances would", () => {
    const row = dbInstanceFromConfigItem(parseConfigItem(dbResult));
    const direct = mapDbInstance({
      DBInstanceIdentifier: "oracle-ee-prod-001",
      DBInstanceClass: "db.r5.2xlarge",
      Engine: "oracle-ee",
      DBInstanceStatus: "available",
      MultiAZ: true,
      LicenseModel: "bring-your-own-license",
      DbiResourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      DBInstanceArn: "arn:aws:rds:eu-west-1:333333333333:db:oracle-ee-prod-001",
      InstanceCreateTime: new Date("2024-06-01T12:00:00.000Z"),
      ProcessorFeatures: [
        { Name: "coreCount", Value: "4" },
        { Name: "threadsPerCore", Value: "2" },
      ],
      Endpoint: { Address: "oracle-ee-prod-001.x.eu-west-1.rds.amazonaws.com", Port: 1521 },
      OptionGroupMemberships: [{ OptionGroupName: "default:oracle-ee-19", Status: "in-sync" }],
      TagList: [{ Key: "Application", Value: "erp" }],
    });
    expect(withoutRaw(row)).toEqual(withoutRaw(direct));
    expect(row).toMatchObject({
      dbInstanceIdentifier: "oracle-ee-prod-001",
      vcpus: 8,
      licenceModel: "byol",
      multiAz: true,
    });
  });

  it("fills identifiers from the item when the configuration lacks them", () => {
    const db = dbInstanceFromConfigItem({
      accountId: "1",
      awsRegion: "r",
      resourceId: "db-X",
      resourceName: "name-x",
      configuration: { engine: "mysql" },
    });
    expect(db).toMatchObject({ dbInstanceIdentifier: "name-x", dbiResourceId: "db-X", tags: {} });
  });
});
