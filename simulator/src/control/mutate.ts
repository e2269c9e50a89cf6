// POST /_sim/mutate: change the world while it runs (tests of removal, state changes, growth).
import type { Clock } from "../clock";
import { createRegionContext } from "../world/generate/context";
import { generateSharedInstances } from "../world/generate/region";
import { STATE_CODES } from "../world/generate/instances";
import type { AccountSpec, InstanceStateName, OptInStatus } from "../world/types";
import type { World } from "../world/world";
import { DB_OPS, mutateDbInstance, type DbMutateOp } from "./mutate-db";
import { IAM_OPS, mutateRolePolicy, type IamMutateOp } from "./mutate-iam";
import { mutateSoftware, SOFTWARE_OPS, type SoftwareMutateOp } from "./mutate-software";
import { MutationError } from "./mutate-error";

export { MutationError };

export type MutateOp =
  | {
      op: "removeResource";
      type: "instance" | "host" | "reservedInstance" | "dbInstance";
      account: string;
      region: string;
      id: string;
    }
  | { op: "setInstanceState"; account: string; region: string; id: string; state: InstanceStateName }
  | { op: "addInstances"; account: string; region: string; count: number; profile?: string }
  | { op: "setRegionOptIn"; account: string; region: string; optIn: OptInStatus }
  | { op: "setInstanceTags"; account: string; region: string; id: string; tags: Record<string, string | null> }
  // Organizations: suspend or close an account, or move it to another OU (or the root).
  | { op: "setAccountState"; account: string; state: NonNullable<AccountSpec["state"]> }
  | { op: "moveAccount"; account: string; parentId: string }
  // RDS: rename a DB (same DbiResourceId), or delete it and create another under its name.
  | DbMutateOp
  // IAM: put or delete a role's inline policy (a Deny takes an action away from a member role).
  | IamMutateOp
  // SSM: upgrade, install or uninstall an application on a managed node.
  | SoftwareMutateOp;

/** Per world, so each addInstances draws a fresh but reproducible stream. */
const addCounters = new WeakMap<World, number>();

const OPS = [
  "removeResource",
  "setInstanceState",
  "addInstances",
  "setRegionOptIn",
  "setInstanceTags",
  "setAccountState",
  "moveAccount",
  ...DB_OPS,
  ...IAM_OPS,
  ...SOFTWARE_OPS,
];
const ACCOUNT_STATES = ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED"];

export function mutate(world: World, clock: Clock, m: MutateOp): Record<string, unknown> {
  if (!OPS.includes(m.op))
    throw new MutationError(`unknown op "${(m as { op?: string }).op}" (known: ${OPS.join(", ")})`);
  if (m.op === "setAccountState" || m.op === "moveAccount") return mutateAccount(world, m);
  if (m.op === "putRolePolicy" || m.op === "deleteRolePolicy") return mutateRolePolicy(world, m);
  if (m.op === "setRegionOptIn") {
    const spec = world.regionsOf(m.account).find((r) => r.name === m.region);
    if (!spec) throw new MutationError(`region ${m.region} does not exist for account ${m.account}`, 404);
    spec.optIn = m.optIn;
    return { ok: true };
  }
  const store = world.region(m.account, m.region);
  if (!store) throw new MutationError(`region ${m.region} does not exist for account ${m.account}`, 404);
  if (m.op === "renameDbInstance" || m.op === "recreateDbInstance") return mutateDbInstance(world, clock, store, m);
  if (m.op === "setApplication" || m.op === "removeApplication") return mutateSoftware(store, m);
  switch (m.op) {
    case "removeResource": {
      const lists = {
        instance: [store.instances, (x: { InstanceId: string }) => x.InstanceId],
        host: [store.hosts, (x: { HostId: string }) => x.HostId],
        reservedInstance: [store.reservedInstances, (x: { ReservedInstancesId: string }) => x.ReservedInstancesId],
        dbInstance: [
          store.dbInstances,
          (x: { DBInstanceIdentifier: string; DbiResourceId: string }) => [x.DBInstanceIdentifier, x.DbiResourceId],
        ],
      } as const;
      const entry = lists[m.type];
      if (!entry) throw new MutationError(`unknown resource type ${m.type}`);
      const [items, idOf] = entry as unknown as [unknown[], (x: unknown) => string | string[]];
      const index = items.findIndex((x) => ([] as string[]).concat(idOf(x)).includes(m.id));
      if (index < 0) throw new MutationError(`${m.type} ${m.id} not found in ${m.account}/${m.region}`, 404);
      items.splice(index, 1);
      return { ok: true, removed: m.id };
    }
    case "setInstanceState": {
      const instance = store.instances.find((i) => i.InstanceId === m.id);
      if (!instance) throw new MutationError(`instance ${m.id} not found in ${m.account}/${m.region}`, 404);
      if (!(m.state in STATE_CODES)) throw new MutationError(`unknown state ${m.state}`);
      instance.State = { Code: STATE_CODES[m.state], Name: m.state };
      const when = new Date(clock.now())
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d{3}Z$/, " GMT");
      instance.StateTransitionReason = m.state === "running" || m.state === "pending" ? "" : `User initiated (${when})`;
      return { ok: true, instanceId: m.id, state: m.state };
    }
    case "setInstanceTags": {
      // Merges like CreateTags; null deletes like DeleteTags. Tests use it for awkward values
      // (a Name starting with "=" for export formula-injection checks).
      const instance = store.instances.find((i) => i.InstanceId === m.id);
      if (!instance) throw new MutationError(`instance ${m.id} not found in ${m.account}/${m.region}`, 404);
      if (!m.tags || typeof m.tags !== "object" || Array.isArray(m.tags))
        throw new MutationError("tags must be an object of key: value (null deletes)");
      for (const [key, value] of Object.entries(m.tags)) {
        instance.Tags = instance.Tags.filter((tag) => tag.Key !== key);
        if (value !== null) instance.Tags.push({ Key: key, Value: String(value) });
      }
      return { ok: true, instanceId: m.id, tags: instance.Tags };
    }
    case "addInstances": {
      const count = Math.max(0, Math.min(10_000, Math.floor(m.count)));
      const n = (addCounters.get(world) ?? 0) + 1;
      addCounters.set(world, n);
      const ctx = createRegionContext(world.spec.seed, world.partition, m.account, m.region, "added", `add-${n}`);
      for (const image of store.images) ctx.images.set(image.ImageId, image);
      const added = generateSharedInstances(ctx, count, m.profile ? Array(count).fill(m.profile) : []);
      store.instances.push(...added);
      for (const image of ctx.images.values()) if (!store.image(image.ImageId)) store.images.push(image);
      return { ok: true, instanceIds: added.map((i) => i.InstanceId) };
    }
    default:
      throw new MutationError(`unknown op ${(m as { op: string }).op}`);
  }
}

function mutateAccount(
  world: World,
  m: Extract<MutateOp, { op: "setAccountState" | "moveAccount" }>,
): Record<string, unknown> {
  const account = world.spec.accounts.find((candidate) => candidate.id === m.account);
  if (!account) throw new MutationError(`account ${m.account} does not exist`, 404);
  if (m.op === "setAccountState") {
    if (!ACCOUNT_STATES.includes(m.state)) throw new MutationError(`state must be one of ${ACCOUNT_STATES.join(", ")}`);
    account.state = m.state;
    return { ok: true };
  }
  const org = world.spec.organization;
  if (!org || (m.parentId !== org.root.id && !org.organizationalUnits.some((ou) => ou.id === m.parentId))) {
    throw new MutationError(`parent ${m.parentId} is neither the root nor an OU of the organization`, 404);
  }
  account.parentId = m.parentId;
  return { ok: true };
}
