// Mutations of RDS DB instances that change their name or their identity, so tests can tell the
// two apart: a rename (ModifyDBInstance NewDBInstanceIdentifier) keeps the DbiResourceId, while
// deleting a DB and creating another under the same name gives a new one.
import type { Clock } from "../clock";
import { ids } from "../world/ids";
import { Prng } from "../world/prng";
import type { RegionStore } from "../world/region-store";
import type { DbInstance } from "../world/types";
import type { World } from "../world/world";
import { MutationError } from "./mutate-error";

export type DbMutateOp =
  | { op: "renameDbInstance"; account: string; region: string; id: string; newIdentifier: string }
  | { op: "recreateDbInstance"; account: string; region: string; id: string };

export const DB_OPS = ["renameDbInstance", "recreateDbInstance"];

// RDS's rule: 1-63 letters, digits or hyphens, starting with a letter, no "--", no trailing "-".
const IDENTIFIER = /^[a-z](?:[a-z0-9]|-(?!-)){0,62}$/;

/** Per world, so each re-created DB draws a fresh but reproducible DbiResourceId. */
const recreateCounters = new WeakMap<World, number>();

export function mutateDbInstance(
  world: World,
  clock: Clock,
  store: RegionStore,
  m: DbMutateOp,
): Record<string, unknown> {
  const db = store.dbInstances.find((d) => d.DBInstanceIdentifier === m.id || d.DbiResourceId === m.id);
  if (!db) throw new MutationError(`dbInstance ${m.id} not found in ${m.account}/${m.region}`, 404);
  if (m.op === "renameDbInstance") return rename(store, db, m.newIdentifier);
  const n = (recreateCounters.get(world) ?? 0) + 1;
  recreateCounters.set(world, n);
  const previous = db.DbiResourceId;
  // Same name and settings; AWS gives the new DB its own resource id and creation time.
  db.DbiResourceId = ids.dbiResource(Prng.of(world.spec.seed, m.account, m.region, "recreate", n));
  db.InstanceCreateTime = new Date(clock.now()).toISOString();
  return {
    ok: true,
    dbInstanceIdentifier: db.DBInstanceIdentifier,
    previousDbiResourceId: previous,
    dbiResourceId: db.DbiResourceId,
  };
}

// AWS stores identifiers in lower case; the ARN and the endpoint carry the name, and replicas
// name their source (and sources their replicas), so all of them follow the rename.
function rename(store: RegionStore, db: DbInstance, requested: string): Record<string, unknown> {
  const name = typeof requested === "string" ? requested.toLowerCase() : "";
  if (!IDENTIFIER.test(name) || name.endsWith("-"))
    throw new MutationError(`newIdentifier "${String(requested)}" is not a valid DB instance identifier`);
  if (store.dbInstances.some((d) => d.DBInstanceIdentifier === name))
    throw new MutationError(`DB instance ${name} already exists in ${store.accountId}/${store.region}`, 409);
  const old = db.DBInstanceIdentifier;
  db.DBInstanceIdentifier = name;
  db.DBInstanceArn = db.DBInstanceArn.replace(new RegExp(`:db:${old}$`), `:db:${name}`);
  db.Endpoint = { ...db.Endpoint, Address: db.Endpoint.Address.replace(new RegExp(`^${old}\\.`), `${name}.`) };
  for (const other of store.dbInstances) {
    if (other.ReadReplicaSourceDBInstanceIdentifier === old) other.ReadReplicaSourceDBInstanceIdentifier = name;
    other.ReadReplicaDBInstanceIdentifiers = other.ReadReplicaDBInstanceIdentifiers.map((replica) =>
      replica === old ? name : replica,
    );
  }
  return { ok: true, previousIdentifier: old, dbInstanceIdentifier: name, dbiResourceId: db.DbiResourceId };
}
