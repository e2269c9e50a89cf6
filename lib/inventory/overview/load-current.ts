import "server-only";
import type { DbInstanceRow, HostRow, InstanceRow, ReservedInstanceRow } from "@/lib/resources/rows";
import { getDb } from "@/lib/db";

// The current (non-removed) rows of every connection, or of the given ones. Instances come from
// their columns only (there may be 100k of them: no JSON parsing); the few hosts, RIs and
// databases are read from their stored row JSON, which has every mapped field.

type Located = { accountId: string; region: string; connectionId: string };

/** The instance fields the overview uses; the rest of InstanceRow is not loaded. */
export type OverviewInstance = Located &
  Pick<
    InstanceRow,
    | "instanceId"
    | "state"
    | "instanceType"
    | "vcpus"
    | "licensedProduct"
    | "licenceModel"
    | "platformDetails"
    | "tenancy"
    | "hostId"
    | "lifecycle"
    | "availabilityZone"
  >;

export type CurrentInventory = {
  instances: OverviewInstance[];
  hosts: (HostRow & Located)[];
  reservedInstances: (ReservedInstanceRow & Located)[];
  dbInstances: (DbInstanceRow & Located)[];
  accounts: { accountId: string; alias: string | null }[];
};

export async function loadCurrentInventory(connectionIds?: string[]): Promise<CurrentInventory> {
  // Given connections: the resources any of them sees (one row each, however many see it).
  const seenBy = connectionIds ? { OR: connectionIds.map((id) => ({ seenBy: { contains: `|${id}|` } })) } : {};
  const where = { removedAt: null, ...seenBy };
  const select = { connectionId: true, accountId: true, region: true, data: true } as const;
  const parse = <R>(rows: { connectionId: string; accountId: string; region: string; data: string }[]) =>
    rows.map((row) => ({
      ...(JSON.parse(row.data) as R),
      connectionId: row.connectionId,
      accountId: row.accountId,
      region: row.region,
    }));
  const db = getDb();
  const [instances, hosts, reservedInstances, dbInstances, accounts] = await Promise.all([
    db.ec2Instance.findMany({
      where,
      select: {
        connectionId: true,
        accountId: true,
        region: true,
        instanceId: true,
        state: true,
        instanceType: true,
        vcpus: true,
        licensedProduct: true,
        licenceModel: true,
        platformDetails: true,
        tenancy: true,
        hostId: true,
        lifecycle: true,
        availabilityZone: true,
      },
    }),
    db.dedicatedHost.findMany({ where, select }).then(parse<HostRow>),
    db.reservedInstance.findMany({ where, select }).then(parse<ReservedInstanceRow>),
    db.dbInstance.findMany({ where, select }).then(parse<DbInstanceRow>),
    db.account.findMany({
      where: connectionIds ? { connectionId: { in: connectionIds } } : {},
      select: { accountId: true, alias: true },
    }),
  ]);
  return {
    instances: instances.map((i) => ({ ...i, licenceModel: i.licenceModel as InstanceRow["licenceModel"] })),
    hosts,
    reservedInstances,
    dbInstances,
    accounts,
  };
}
