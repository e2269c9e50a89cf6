// The running world: indexes over the spec, and region stores materialized lazily so a large
// generated world costs nothing until a region is read.
import { catalogInstanceTypeSpecs } from "./catalog/instance-types";
import { generateRegion } from "./generate/region";
import { PARTITIONS } from "./partitions";
import { RegionStore } from "./region-store";
import type {
  AccountSpec,
  GroupSpec,
  InstanceTypeSpec,
  ManagedPolicySpec,
  MfaDeviceSpec,
  OptInStatus,
  RegionSpec,
  RoleSpec,
  UserSpec,
  WorldSpec,
} from "./types";

export class World {
  readonly accounts = new Map<string, AccountSpec>();
  private readonly regionSpecs = new Map<string, RegionSpec>();
  private readonly stores = new Map<string, RegionStore>();
  private readonly accessKeys = new Map<string, { user: UserSpec; secretAccessKey: string }>();
  private readonly roles = new Map<string, RoleSpec>();
  private readonly policies = new Map<string, ManagedPolicySpec>();
  private readonly mfa = new Map<string, { user: UserSpec; device: MfaDeviceSpec }>();
  private types?: InstanceTypeSpec[];

  readonly spec: WorldSpec;

  constructor(spec: WorldSpec) {
    // A private copy: mutations at runtime never reach the object the caller built.
    this.spec = spec = structuredClone(spec);
    for (const a of spec.accounts) {
      this.accounts.set(a.id, a);
      for (const r of a.regions) this.regionSpecs.set(key(a.id, r.name), r);
    }
    for (const u of spec.iam.users) {
      for (const k of u.accessKeys)
        if (k.status !== "Inactive")
          this.accessKeys.set(k.accessKeyId, { user: u, secretAccessKey: k.secretAccessKey });
      for (const d of u.mfaDevices ?? []) this.mfa.set(d.serialNumber, { user: u, device: d });
    }
    for (const r of spec.iam.roles) this.roles.set(this.roleArn(r.account, r.name), r);
    for (const p of spec.iam.policies) this.policies.set(p.arn, p);
  }

  get partition() {
    return this.spec.partition;
  }

  get arnPrefix(): string {
    return PARTITIONS[this.spec.partition].arnPrefix;
  }

  userArn(u: UserSpec): string {
    return `${this.arnPrefix}iam::${u.account}:user${u.path && u.path !== "/" ? u.path : "/"}${u.name}`;
  }

  roleArn(account: string, name: string): string {
    return `${this.arnPrefix}iam::${account}:role/${name}`;
  }

  groupArn(g: GroupSpec): string {
    return `${this.arnPrefix}iam::${g.account}:group/${g.name}`;
  }

  accessKey(accessKeyId: string) {
    return this.accessKeys.get(accessKeyId);
  }

  user(account: string, name: string): UserSpec | undefined {
    return this.spec.iam.users.find((u) => u.account === account && u.name === name);
  }

  group(account: string, name: string): GroupSpec | undefined {
    return this.spec.iam.groups.find((g) => g.account === account && g.name === name);
  }

  role(roleArn: string): RoleSpec | undefined {
    return this.roles.get(roleArn);
  }

  policy(policyArn: string): ManagedPolicySpec | undefined {
    return this.policies.get(policyArn);
  }

  /** What DescribeInstanceTypes answers: the world's own table, else the catalog's. */
  instanceTypes(): InstanceTypeSpec[] {
    return (this.types ??= this.spec.instanceTypes ?? catalogInstanceTypeSpecs());
  }

  mfaDevice(serial: string) {
    return this.mfa.get(serial);
  }

  /** undefined when the region does not exist for the account. */
  optIn(accountId: string, region: string): OptInStatus | undefined {
    return this.regionSpecs.get(key(accountId, region))?.optIn;
  }

  isRegionEnabled(accountId: string, region: string): boolean {
    const s = this.optIn(accountId, region);
    return s === "opt-in-not-required" || s === "opted-in";
  }

  regionsOf(accountId: string): RegionSpec[] {
    return this.accounts.get(accountId)?.regions ?? [];
  }

  isMaterialized(accountId: string, region: string): boolean {
    return this.stores.has(key(accountId, region));
  }

  /** The region's resources; not-opted-in regions hold nothing. */
  region(accountId: string, region: string): RegionStore | undefined {
    const k = key(accountId, region);
    const existing = this.stores.get(k);
    if (existing) return existing;
    const spec = this.regionSpecs.get(k);
    if (!spec) return undefined;
    const store = materialize(this.spec, accountId, spec);
    this.stores.set(k, store);
    return store;
  }
}

function key(accountId: string, region: string): string {
  return `${accountId}|${region}`;
}

function materialize(world: WorldSpec, accountId: string, spec: RegionSpec): RegionStore {
  // Copies, so runtime mutations never change the spec a test built its expectations from.
  const clone = <T>(items: T[] | undefined): T[] => (items ? structuredClone(items) : []);
  const store = new RegionStore(
    accountId,
    spec.name,
    clone(spec.instances),
    clone(spec.hosts),
    clone(spec.reservedInstances),
    clone(spec.images),
    clone(spec.dbInstances),
  );
  if (spec.generate && spec.optIn !== "not-opted-in") {
    const g = generateRegion({
      seed: world.seed,
      partition: world.partition,
      accountId,
      region: spec.name,
      env: "gen",
      counts: spec.generate,
    });
    store.instances.push(...g.instances);
    store.hosts.push(...g.hosts);
    store.reservedInstances.push(...g.reservedInstances);
    store.dbInstances.push(...g.dbInstances);
    for (const image of g.images) if (!store.image(image.ImageId)) store.images.push(image);
  }
  return store;
}
