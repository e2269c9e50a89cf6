// The `demo` preset: a realistic organization for the demo, e2e and integration tests.
import { catalogInstanceTypeSpecs } from "../catalog/instance-types";
import { ids } from "../ids";
import { IamBuilder } from "../iam-builder";
import { arn, PARTITIONS } from "../partitions";
import { Prng } from "../prng";
import type { AccountSpec, Partition, RegionSpec, WorldSpec } from "../types";
import { buildDemoIam } from "./iam";
import { DEMO_MANAGEMENT as M, DEMO_MEMBERS, DEMO_NAMES as N, DEMO_REGIONS } from "./layout";
import { demoManagementResources, demoMemberResources } from "./resources";

export interface DemoOptions {
  seed?: number;
  partition?: Partition;
  /** One external ID for every member inventory role (Cirrus uses one per connection); by
   * default each role has its own. */
  sharedExternalId?: string;
}

export const DEFAULT_DEMO_SEED = 20261122;

export function buildDemoWorld(options: DemoOptions = {}): WorldSpec {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const partition = options.partition ?? "aws";
  const rng = Prng.of(seed, "demo-ids");
  const rootId = ids.root(rng);
  const orgId = ids.organization(rng);
  const ous = ["Production", "Development"].map((name) => ({ id: ids.ou(rng, rootId), name, parentId: rootId }));
  const regionDefs = DEMO_REGIONS[partition];
  const home = regionDefs[0][0];

  let cellIndex = 0;
  const member = (m: (typeof DEMO_MEMBERS)[number]): AccountSpec => {
    let enabledIndex = 0;
    const regions: RegionSpec[] = regionDefs.map(([name, optIn]) => {
      if (optIn === "not-opted-in") return { name, optIn };
      const cell = {
        accountId: m.id,
        env: m.env,
        region: name,
        cellIndex: cellIndex++,
        production: m.ou === "Production",
        enabledIndex: enabledIndex++,
      };
      return { name, optIn, ...demoMemberResources(seed, partition, cell) };
    });
    return account(m.id, m.name, m.alias, ous.find((o) => o.name === m.ou)!.id, regions);
  };

  const mgmtRegions: RegionSpec[] = regionDefs.map(([name, optIn]) =>
    name === home ? { name, optIn, ...demoManagementResources(seed, partition, M.id, name) } : { name, optIn },
  );
  const accounts = [account(M.id, M.name, M.alias, rootId, mgmtRegions), ...DEMO_MEMBERS.map(member)];

  const iam = new IamBuilder(partition, Prng.of(seed, "demo-iam"));
  buildDemoIam(iam, partition, options.sharedExternalId);
  const instanceProfile = attachInstanceProfile(accounts[0].regions[0], partition, rng);

  return {
    format: "cirrus-simulator-world/1",
    name: "demo",
    description: "Acme: a management account and four member accounts in two OUs",
    seed,
    partition,
    accounts,
    organization: {
      id: orgId,
      managementAccountId: M.id,
      featureSet: "ALL",
      root: { id: rootId, name: "Root" },
      organizationalUnits: ous,
    },
    iam: { users: iam.users, groups: iam.groups, roles: iam.roles, policies: iam.policies },
    aggregators: [
      {
        name: N.aggregator,
        account: M.id,
        region: home,
        arn: arn(partition, "config", home, M.id, `config-aggregator/${ids.aggregator(rng)}`),
        source: {
          organization: true,
          roleArn: `${PARTITIONS[partition].arnPrefix}iam::${M.id}:role/service-role/AWSConfigRoleForOrganizations`,
        },
        allAwsRegions: true,
        creationTime: "2025-02-03T10:00:00Z",
      },
    ],
    instanceProfile: { ...instanceProfile, roleName: N.instanceRole },
    instanceTypes: catalogInstanceTypeSpecs(),
  };
}

function account(id: string, name: string, alias: string, parentId: string, regions: RegionSpec[]): AccountSpec {
  return {
    id,
    name,
    email: `aws+${alias}@acme.example`,
    alias,
    parentId,
    joinedMethod: id === M.id ? "INVITED" : "CREATED",
    joinedTimestamp: id === M.id ? "2021-05-04T08:00:00Z" : "2022-01-17T14:30:00Z",
    state: "ACTIVE",
    regions,
  };
}

/** Cirrus itself runs on the management account's first instance, with the instance role. */
function attachInstanceProfile(region: RegionSpec, partition: Partition, rng: Prng) {
  const host = region.instances![0];
  host.IamInstanceProfile = {
    Arn: `${PARTITIONS[partition].arnPrefix}iam::${M.id}:instance-profile/${N.instanceProfile}`,
    Id: ids.instanceProfileId(rng),
  };
  host.Tags = host.Tags.map((t) => (t.Key === "Name" ? { Key: "Name", Value: "cirrus-server" } : t));
  return {
    accountId: M.id,
    region: region.name,
    availabilityZone: host.Placement.AvailabilityZone,
    instanceId: host.InstanceId,
    instanceType: host.InstanceType,
    imageId: host.ImageId,
    privateIp: host.PrivateIpAddress,
  };
}
