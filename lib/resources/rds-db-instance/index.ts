import { COMMON_SORT, contextColumns, type ResourceDefinition } from "../definition";
import type { DbInstanceRow } from "./row";

// Every DB instance AWS describes has a DbiResourceId; should a response leave it out, the
// identifier (unique in its account and region at any one time) stands in, rather than losing
// the DB.
const dbiResourceIdOf = (row: DbInstanceRow) => row.dbiResourceId ?? row.dbInstanceIdentifier;

export const rdsDbInstance: ResourceDefinition<"rds-db-instance", "databases"> = {
  type: "rds-db-instance",
  slug: "databases",
  labels: {
    title: "RDS databases",
    nav: "Databases",
    noun: "Databases",
    short: "RDS",
    figures: "Oracle figures",
    description: "RDS DB instances with engine, edition, licence model, class and vCPUs.",
  },
  aws: { read: "rds:DescribeDBInstances", helpers: [], configResourceType: "AWS::RDS::DBInstance" },
  store: {
    table: "DbInstance",
    // AWS's own identity of the DB (what AWS Config calls its resourceId): a DB keeps it when
    // renamed, and a new DB given a deleted one's name gets a new one.
    idField: "dbiResourceId",
    idOf: dbiResourceIdOf,
    columns: (row: DbInstanceRow) => ({
      dbiResourceId: dbiResourceIdOf(row),
      dbInstanceIdentifier: row.dbInstanceIdentifier,
      engine: row.engine,
      engineVersion: row.engineVersion,
      licenceModel: row.licenceModel,
      dbInstanceClass: row.dbInstanceClass,
      vcpus: row.vcpus,
      status: row.status,
      multiAz: row.multiAz,
      availabilityZone: row.availabilityZone,
    }),
    // A rename is licence-relevant: audits and licence records name DBs by their identifier.
    tracked: [
      "dbInstanceIdentifier",
      "engine",
      "engineVersion",
      "licenceModel",
      "licenseModel",
      "dbInstanceClass",
      "vcpus",
      "coreCount",
      "threadsPerCore",
      "multiAz",
      "status",
    ],
  },
  table: {
    // Free-text search matches the name people know the DB by, not only its resource ID.
    nameColumn: "dbInstanceIdentifier",
    columns: [
      "dbInstanceIdentifier",
      "engine",
      "engineVersion",
      "licenceModel",
      "dbInstanceClass",
      "vcpus",
      "multiAz",
      "status",
      "availabilityZone",
      "dbiResourceId",
    ],
    dataFields: ["coreCount", "threadsPerCore", "licenseModel"],
    filters: { state: "status", instanceType: "dbInstanceClass", engine: "engine", licenceModel: "licenceModel" },
    sortable: [
      "dbInstanceIdentifier",
      "engine",
      "engineVersion",
      "licenceModel",
      "dbInstanceClass",
      "vcpus",
      "status",
      "multiAz",
      ...COMMON_SORT,
    ],
    defaultSort: "dbInstanceIdentifier",
    // Oracle is what most licence reviews of RDS are about.
    presets: [
      { label: "Oracle", query: "engine=oracle-*" },
      { label: "All engines", query: "" },
    ],
    display: [
      { id: "dbInstanceIdentifier", label: "DB identifier", sort: "dbInstanceIdentifier", default: true },
      ...contextColumns(false).slice(0, 2),
      { id: "engine", label: "Engine", sort: "engine", default: true },
      { id: "engineVersion", label: "Version", sort: "engineVersion", default: true },
      { id: "licenceModel", label: "Licence model", sort: "licenceModel", default: true },
      // AWS's own LicenseModel, beside Cirrus's licence model derived from it and the engine.
      { id: "licenseModel", label: "AWS LicenseModel" },
      { id: "dbInstanceClass", label: "Class", sort: "dbInstanceClass", default: true },
      { id: "vcpus", label: "vCPUs", sort: "vcpus", default: true, kind: "number" },
      { id: "coreCount", label: "Cores", kind: "number" },
      { id: "threadsPerCore", label: "Threads per core", kind: "number" },
      { id: "multiAz", label: "Multi-AZ", sort: "multiAz", default: true, kind: "boolean" },
      { id: "status", label: "Status", sort: "status", default: true },
      { id: "availabilityZone", label: "AZ" },
      // The identity (the table is named by identifier): it tells a DB from a later one of the same name.
      { id: "dbiResourceId", label: "Resource ID" },
      ...contextColumns(false).slice(2),
    ],
  },
};
