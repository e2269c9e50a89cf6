import type { DBInstance } from "@aws-sdk/client-rds";
import { dbInstanceClassFacts, rdsLicenceModel } from "@/lib/licensing";
import type { DbInstanceRow } from "./row";
import { bool, iso, jsonSafe, num, sortedUnique, str, tagsOf } from "../collect/values";

/** One DescribeDBInstances instance as a DbInstanceRow. */
export function mapDbInstance(db: DBInstance): DbInstanceRow {
  const { coreCount, threadsPerCore } = cpuTopology(db);
  return {
    dbInstanceIdentifier: db.DBInstanceIdentifier ?? "",
    dbInstanceArn: str(db.DBInstanceArn),
    dbiResourceId: str(db.DbiResourceId),
    engine: str(db.Engine),
    engineVersion: str(db.EngineVersion),
    licenceModel: rdsLicenceModel(db.LicenseModel),
    licenseModel: str(db.LicenseModel),
    dbInstanceClass: str(db.DBInstanceClass),
    coreCount,
    threadsPerCore,
    vcpus: coreCount !== null && threadsPerCore !== null ? coreCount * threadsPerCore : null,
    status: str(db.DBInstanceStatus),
    instanceCreateTime: iso(db.InstanceCreateTime),
    multiAz: bool(db.MultiAZ),
    availabilityZone: str(db.AvailabilityZone),
    secondaryAvailabilityZone: str(db.SecondaryAvailabilityZone),
    readReplicaSourceDbInstanceIdentifier: str(db.ReadReplicaSourceDBInstanceIdentifier),
    readReplicaDbInstanceIdentifiers: sortedUnique(db.ReadReplicaDBInstanceIdentifiers ?? []),
    replicaMode: str(db.ReplicaMode),
    optionGroups: sortedUnique((db.OptionGroupMemberships ?? []).map((o) => o.OptionGroupName)),
    dbClusterIdentifier: str(db.DBClusterIdentifier),
    storageType: str(db.StorageType),
    allocatedStorageGb: num(db.AllocatedStorage),
    endpointAddress: str(db.Endpoint?.Address),
    endpointPort: num(db.Endpoint?.Port),
    tags: tagsOf(db.TagList),
    raw: jsonSafe(db),
  };
}

// RDS reports ProcessorFeatures only when Optimize CPU changed a default (and may report just
// one of the two); whatever is missing is the class's default.
function cpuTopology(db: DBInstance): { coreCount: number | null; threadsPerCore: number | null } {
  const feature = (name: string) => num(db.ProcessorFeatures?.find((f) => f.Name === name)?.Value);
  const facts = dbInstanceClassFacts(db.DBInstanceClass);
  return {
    coreCount: feature("coreCount") ?? facts?.cores ?? null,
    threadsPerCore: feature("threadsPerCore") ?? facts?.threadsPerCore ?? null,
  };
}
