// RDS (awsQuery): DescribeDBInstances with Marker paging (MaxRecords 20-100, default 100) and
// the filters db-instance-id, engine, dbi-resource-id, db-cluster-id.
import { ApiError } from "../protocols/errors";
import { intParam, rdsFilters } from "../protocols/params";
import { leaf, list, node, stringList } from "../protocols/xml";
import { arn } from "../world/partitions";
import type { DbInstance } from "../world/types";
import type { CallContext, ServiceModule } from "./context";
import { decodeToken, fingerprint, pageOf, pageSize } from "./paging";

const FILTERS: Record<string, (d: DbInstance) => (string | undefined)[]> = {
  "db-instance-id": (d) => [d.DBInstanceIdentifier, d.DBInstanceArn],
  engine: (d) => [d.Engine],
  "dbi-resource-id": (d) => [d.DbiResourceId],
  "db-cluster-id": (d) => [d.DBClusterIdentifier],
};

function describeDBInstances(ctx: CallContext): string {
  const id = ctx.params.get("DBInstanceIdentifier");
  const resource = arn(ctx.world.partition, "rds", ctx.region, ctx.session.accountId, `db:${id ?? "*"}`);
  ctx.authorize("rds:DescribeDBInstances", resource);
  const maxRecords = intParam(ctx.params, "MaxRecords");
  if (maxRecords !== undefined && (Number.isNaN(maxRecords) || maxRecords < 20 || maxRecords > 100)) {
    throw new ApiError(
      "InvalidParameterValue",
      `Invalid value ${ctx.params.get("MaxRecords")} for MaxRecords. Must be between 20 and 100`,
      400,
    );
  }
  const filters = rdsFilters(ctx.params);
  for (const f of filters)
    if (!FILTERS[f.name]) throw new ApiError("InvalidParameterValue", `Unrecognized filter name: ${f.name}`, 400);

  let items = ctx.world.region(ctx.session.accountId, ctx.region)?.dbInstances ?? [];
  if (id !== undefined) {
    items = items.filter((d) => d.DBInstanceIdentifier === id || d.DBInstanceArn === id);
    if (items.length === 0) throw new ApiError("DBInstanceNotFound", `DBInstance ${id} not found.`, 404);
  }
  items = items.filter((d) =>
    filters.every((f) => FILTERS[f.name](d).some((v) => v !== undefined && f.values.includes(v))),
  );

  const fp = fingerprint("DescribeDBInstances", id, filters);
  const offset = decodeToken(ctx.params.get("Marker"), fp);
  if (offset === undefined) throw new ApiError("InvalidParameterValue", "The parameter Marker is not valid.", 400);
  const page = pageOf(items, offset, pageSize(maxRecords, 100, ctx.world.spec.limits?.maxPageSize), fp);
  return list("DBInstances", "DBInstance", page.items, dbXml) + leaf("Marker", page.nextToken);
}

function dbXml(d: DbInstance): string {
  return (
    leaf("DBInstanceIdentifier", d.DBInstanceIdentifier) +
    leaf("DBInstanceClass", d.DBInstanceClass) +
    leaf("Engine", d.Engine) +
    leaf("DBInstanceStatus", d.DBInstanceStatus) +
    leaf("MasterUsername", "admin") +
    node(
      "Endpoint",
      leaf("Address", d.Endpoint.Address),
      leaf("Port", d.Endpoint.Port),
      leaf("HostedZoneId", d.Endpoint.HostedZoneId),
    ) +
    leaf("AllocatedStorage", d.AllocatedStorage) +
    leaf("InstanceCreateTime", d.InstanceCreateTime) +
    leaf("PreferredBackupWindow", "03:00-03:30") +
    leaf("BackupRetentionPeriod", 7) +
    leaf("AvailabilityZone", d.AvailabilityZone) +
    leaf("PreferredMaintenanceWindow", "sun:05:00-sun:05:30") +
    leaf("MultiAZ", d.MultiAZ) +
    leaf("EngineVersion", d.EngineVersion) +
    leaf("AutoMinorVersionUpgrade", true) +
    leaf("ReadReplicaSourceDBInstanceIdentifier", d.ReadReplicaSourceDBInstanceIdentifier) +
    stringList(
      "ReadReplicaDBInstanceIdentifiers",
      "ReadReplicaDBInstanceIdentifier",
      d.ReadReplicaDBInstanceIdentifiers,
    ) +
    leaf("ReplicaMode", d.ReplicaMode) +
    leaf("LicenseModel", d.LicenseModel) +
    list(
      "OptionGroupMemberships",
      "OptionGroupMembership",
      d.OptionGroupMemberships,
      (o) => leaf("OptionGroupName", o.OptionGroupName) + leaf("Status", o.Status),
    ) +
    leaf("SecondaryAvailabilityZone", d.SecondaryAvailabilityZone) +
    leaf("PubliclyAccessible", false) +
    leaf("StorageType", d.StorageType) +
    leaf("DbInstancePort", 0) +
    leaf("DBClusterIdentifier", d.DBClusterIdentifier) +
    leaf("StorageEncrypted", true) +
    leaf("DbiResourceId", d.DbiResourceId) +
    leaf("DBInstanceArn", d.DBInstanceArn) +
    (d.ProcessorFeatures
      ? list(
          "ProcessorFeatures",
          "ProcessorFeature",
          d.ProcessorFeatures,
          (p) => leaf("Name", p.Name) + leaf("Value", p.Value),
        )
      : "") +
    leaf("DeletionProtection", false) +
    list("TagList", "Tag", d.TagList, (t) => leaf("Key", t.Key) + leaf("Value", t.Value))
  );
}

export const rds: ServiceModule = { actions: { DescribeDBInstances: describeDBInstances } };
