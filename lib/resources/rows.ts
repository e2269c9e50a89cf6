import type { InstanceRow } from "./ec2-instance/row";
import type { HostRow } from "./dedicated-host/row";
import type { ReservedInstanceRow } from "./reserved-instance/row";
import type { DbInstanceRow } from "./rds-db-instance/row";
import type { ManagedNodeRow } from "./managed-node/row";
import type { InstalledSoftwareRow } from "./installed-software/row";

// What the fetchers yield and the store reconciles: one plain row per AWS resource, already
// mapped to the licence-relevant fields (PRODUCT.md "Fields that matter"). `raw` keeps the
// API's own JSON for the detail drawer; dates are ISO strings; absent values are null.

export const RESOURCE_TYPES = [
  "ec2-instance",
  "dedicated-host",
  "reserved-instance",
  "rds-db-instance",
  "managed-node",
  "installed-software",
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type Tags = Record<string, string>;

// "license-included": paid through AWS; "byol": consumes the customer's entitlements;
// "none": no licensed product (e.g. Linux); "unknown": AWS did not say.
export type LicenceModel = "license-included" | "byol" | "none" | "unknown";

export type VcpuSource = "cpu-options" | "instance-types" | "built-in";

export type { InstanceRow, HostRow, ReservedInstanceRow, DbInstanceRow, ManagedNodeRow, InstalledSoftwareRow };

export type RowOf<T extends ResourceType> = T extends "ec2-instance"
  ? InstanceRow
  : T extends "dedicated-host"
    ? HostRow
    : T extends "reserved-instance"
      ? ReservedInstanceRow
      : T extends "rds-db-instance"
        ? DbInstanceRow
        : T extends "managed-node"
          ? ManagedNodeRow
          : InstalledSoftwareRow;

// One page of a scope's listing: the store accumulates pages and reconciles only once the
// whole scope was read (no false removal after a partial listing).
export type FetchedPage<T extends ResourceType> = { rows: RowOf<T>[]; requests: number };

export type ScopeKey = { accountId: string; region: string; resourceType: ResourceType };
