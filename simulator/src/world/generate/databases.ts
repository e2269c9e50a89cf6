// RDS DB instances across engines and licence models, with Multi-AZ, Optimize-CPU processor
// features and read replicas, the fields Oracle/SQL Server licence counts depend on.
import { dbClassVcpus, engineInfo } from "../catalog/db-engines";
import { arn, PARTITIONS } from "../partitions";
import { ids } from "../ids";
import type { DbInstance } from "../types";
import { isoDaysBeforeEpoch, nextName, type RegionContext } from "./context";

export function makeDbInstance(ctx: RegionContext, engineKey: string, identifier?: string): DbInstance {
  const { rng } = ctx;
  const info = engineInfo(engineKey);
  const cls = rng.pick(info.classes);
  const id = identifier ?? nextName(ctx, info.engine);
  const multiAz = rng.chance(0.35);
  const azIndex = rng.int(0, ctx.azs.length - 1);
  const db: DbInstance = {
    DBInstanceIdentifier: id,
    DBInstanceArn: arn(ctx.partition, "rds", ctx.region, ctx.accountId, `db:${id}`),
    DbiResourceId: ids.dbiResource(rng),
    DBInstanceClass: cls,
    Engine: info.engine,
    EngineVersion: rng.pick(info.versions),
    DBInstanceStatus: rng.chance(0.1) ? "stopped" : "available",
    LicenseModel: info.licenseModel,
    MultiAZ: multiAz,
    AvailabilityZone: ctx.azs[azIndex],
    ...(multiAz ? { SecondaryAvailabilityZone: ctx.azs[(azIndex + 1) % ctx.azs.length] } : {}),
    StorageType: rng.pick(["gp3", "gp3", "gp2", "io1"]),
    AllocatedStorage: rng.pick([100, 200, 500, 1000, 2000]),
    InstanceCreateTime: isoDaysBeforeEpoch(rng.int(20, 1200), rng),
    Endpoint: {
      Address: `${id}.${ctx.rdsSuffix}.${ctx.region}.rds.${PARTITIONS[ctx.partition].dnsSuffix}`,
      Port: info.port,
      HostedZoneId: "Z2R2ITUGPM61AM",
    },
    ReadReplicaDBInstanceIdentifiers: [],
    OptionGroupMemberships: [{ OptionGroupName: info.optionGroup, Status: "in-sync" }],
    TagList: [
      { Key: "Environment", Value: ctx.env },
      { Key: "Application", Value: rng.pick(["erp", "billing", "crm", "hr", "analytics"]) },
    ],
  };
  if (info.processorFeatures && rng.chance(0.6)) {
    const cores = Math.max(1, dbClassVcpus(cls) / 2 / rng.pick([1, 2]));
    db.ProcessorFeatures = [
      { Name: "coreCount", Value: String(cores) },
      { Name: "threadsPerCore", Value: rng.chance(0.5) ? "1" : "2" },
    ];
  }
  return db;
}

/** A same-region read replica of `source` (Oracle replicas are often mounted, i.e. standby). */
export function makeReadReplica(ctx: RegionContext, source: DbInstance): DbInstance {
  const key = source.Engine.startsWith("oracle")
    ? source.LicenseModel === "license-included"
      ? "oracle-se2-li"
      : source.Engine === "oracle-se2"
        ? "oracle-se2-byol"
        : "oracle-ee-byol"
    : source.Engine;
  const replica = makeDbInstance(ctx, key, `${source.DBInstanceIdentifier}-replica`);
  replica.DBInstanceClass = source.DBInstanceClass;
  replica.EngineVersion = source.EngineVersion;
  replica.MultiAZ = false;
  delete replica.SecondaryAvailabilityZone;
  replica.DBInstanceStatus = "available";
  replica.ReadReplicaSourceDBInstanceIdentifier = source.DBInstanceIdentifier;
  if (source.Engine.startsWith("oracle")) replica.ReplicaMode = ctx.rng.chance(0.5) ? "mounted" : "open-read-only";
  source.ReadReplicaDBInstanceIdentifiers.push(replica.DBInstanceIdentifier);
  return replica;
}
