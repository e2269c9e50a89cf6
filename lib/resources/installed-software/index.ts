import { COMMON_SORT, contextColumns, type ResourceDefinition } from "../definition";
import type { InstalledSoftwareRow } from "./row";

export const installedSoftware: ResourceDefinition<"installed-software", "installed-software"> = {
  type: "installed-software",
  slug: "installed-software",
  labels: {
    title: "Installed software",
    nav: "Installed software",
    noun: "Applications",
    short: "Installed software",
    figures: "software and licence figures",
    description: "Applications SSM Inventory reports on each instance, with the licensable product recognised in them.",
  },
  aws: {
    read: "ssm:GetInventory",
    // Which nodes are EC2 instances of this account and region (GetInventory lists every node).
    helpers: ["ssm:DescribeInstanceInformation"],
    configResourceType: null,
  },
  software: true,
  store: {
    table: "InstalledSoftware",
    idField: "softwareId",
    idOf: (row: InstalledSoftwareRow) => row.softwareId,
    columns: (row: InstalledSoftwareRow) => ({
      instanceId: row.instanceId,
      name: row.name,
      publisher: row.publisher,
      version: row.version,
      architecture: row.architecture,
      product: row.product,
      edition: row.edition,
      licenceFree: row.licenceFree,
    }),
    // The version is tracked, not part of the identity (identity.ts): an upgrade is one event.
    tracked: ["version", "product", "edition", "licenceFree"],
  },
  table: {
    nameColumn: "name",
    columns: ["instanceId", "name", "publisher", "version", "architecture", "product", "edition", "licenceFree"],
    dataFields: ["productName", "applicationType", "installedTime"],
    filters: { licensedProduct: "product" },
    sortable: ["instanceId", "name", "publisher", "version", "product", "edition", ...COMMON_SORT],
    defaultSort: "name",
    display: [
      { id: "name", label: "Application", sort: "name", default: true },
      { id: "version", label: "Version", sort: "version", default: true },
      { id: "publisher", label: "Publisher", sort: "publisher", default: true },
      { id: "instanceId", label: "Instance ID", sort: "instanceId", default: true },
      ...contextColumns(false).slice(0, 2),
      { id: "productName", label: "Product", default: true },
      { id: "edition", label: "Edition", sort: "edition", default: true },
      { id: "licenceFree", label: "Free edition", kind: "boolean" },
      { id: "product", label: "Product id", sort: "product" },
      { id: "architecture", label: "Architecture" },
      { id: "applicationType", label: "Type" },
      { id: "installedTime", label: "Installed", kind: "date" },
      ...contextColumns(false).slice(2),
    ],
    presets: [
      { label: "All", query: "" },
      { label: "Oracle Database", query: "licensedProduct=oracle-database" },
      { label: "SQL Server", query: "licensedProduct=sql-server" },
    ],
  },
};
