import type { DbInstanceRow, HostRow, InstanceRow, ManagedNodeRow, ReservedInstanceRow } from "./rows";

// What the Overview and the run snapshots summarise: the current (non-removed) rows of every
// type, each with the account and region it lives in. Each type's folder reads its own part
// (summary.ts); a part may read another type's rows (hosts count the instances placed on them).

export type Located<R> = R & { accountId: string; region: string };

// An instance row, or a group of alike instances from a database GROUP BY (same account,
// region, licence, state and host): `instances` says how many, and `vcpus` is then their sum.
export type InstanceInput = Located<InstanceRow> & { instances?: number };

export type InventoryInput = {
  instances: InstanceInput[];
  hosts: Located<HostRow>[];
  reservedInstances: Located<ReservedInstanceRow>[];
  dbInstances: Located<DbInstanceRow>[];
  /** Absent when the caller does not load them: their summary parts then say null, not 0. */
  managedNodes?: Located<ManagedNodeRow>[];
  installedSoftwareCount?: number;
};
