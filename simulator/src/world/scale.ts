// The `scale` preset: many accounts × regions whose resources are generated lazily, on first
// access, from (seed, account, region). Building the world only writes counts, so even
// 50 accounts × 16 regions × 200 instances is ready at once and costs memory only when read.
import { ids } from "./ids";
import { doc, IamBuilder, READ_INVENTORY_ACTIONS, READ_SOFTWARE_ACTIONS, trustWithExternalId } from "./iam-builder";
import { arn, PARTITIONS } from "./partitions";
import { Prng } from "./prng";
import type { AccountSpec, Partition, WorldSpec } from "./types";

export interface ScaleOptions {
  accounts?: number;
  regions?: number;
  instancesPerRegion?: number;
  seed?: number;
  partition?: Partition;
  /** The external ID of every member role (default: one generated ID for all of them). */
  sharedExternalId?: string;
  /**
   * Applications each running instance reports to SSM Inventory; 0 (default): no managed nodes,
   * so benches and tests without software see the world they always saw.
   */
  applicationsPerNode?: number;
}

export const DEFAULT_SCALE_SEED = 7;

export function buildScaleWorld(o: ScaleOptions = {}): WorldSpec {
  const partition = o.partition ?? "aws";
  const seed = o.seed ?? DEFAULT_SCALE_SEED;
  const accountCount = Math.max(1, o.accounts ?? 10);
  const p = PARTITIONS[partition];
  const allRegions = [...p.defaultRegions, ...p.optInRegions];
  const regionNames = allRegions.slice(0, Math.max(1, Math.min(o.regions ?? 4, allRegions.length)));
  const perRegion = Math.max(0, o.instancesPerRegion ?? 50);
  const applicationsPerNode = Math.max(0, o.applicationsPerNode ?? 0);
  const rng = Prng.of(seed, "scale-ids");
  const rootId = ids.root(rng);
  const mgmt = "100000000000";
  const accountIds = Array.from({ length: accountCount }, (_, i) => String(100000000000 + i));

  const accounts: AccountSpec[] = accountIds.map((id, i) => ({
    id,
    name: i === 0 ? "Scale Management" : `Scale Workload ${i}`,
    email: `aws+scale-${i}@scale.example`,
    alias: i === 0 ? "scale-mgmt" : `scale-${String(i).padStart(4, "0")}`,
    parentId: rootId,
    joinedMethod: i === 0 ? "INVITED" : "CREATED",
    joinedTimestamp: "2023-06-01T00:00:00Z",
    state: "ACTIVE",
    regions: regionNames.map((name) => ({
      name,
      optIn: p.optInRegions.includes(name) ? "opted-in" : "opt-in-not-required",
      generate: {
        instances: perRegion,
        hosts: perRegion >= 20 ? 1 : 0,
        reservedInstances: 2,
        dbInstances: perRegion >= 20 ? 2 : 0,
        ...(applicationsPerNode > 0 ? { applicationsPerNode } : {}),
      },
    })),
  }));

  const b = new IamBuilder(partition, Prng.of(seed, "scale-iam"));
  const memberRoles = accountIds.slice(1).map((id) => b.roleArn(id, "CirrusInventoryRole"));
  const policy = b.policy(
    mgmt,
    "CirrusCollectorPolicy",
    doc(
      ...(memberRoles.length > 0
        ? [{ Sid: "AssumeInventoryRoles", Effect: "Allow" as const, Action: "sts:AssumeRole", Resource: memberRoles }]
        : []),
      {
        Sid: "Read",
        Effect: "Allow",
        Action: [
          "ec2:Describe*",
          "rds:DescribeDBInstances",
          "iam:Get*",
          "iam:List*",
          "organizations:List*",
          "organizations:Describe*",
          "config:Describe*",
          "config:SelectAggregateResourceConfig",
          ...READ_SOFTWARE_ACTIONS,
        ],
        Resource: "*",
      },
    ),
  );
  b.user(mgmt, "cirrus-collector", { attached: [policy], purpose: "Long-term key of the scale connection" });
  // One external ID for every member role, as a StackSet deploys them and as a Cirrus
  // connection (which has one external ID) expects.
  const externalId = o.sharedExternalId ?? b.externalId();
  for (const id of accountIds.slice(1)) {
    b.role(id, "CirrusInventoryRole", doc(trustWithExternalId(b.root(mgmt), externalId)), {
      inline: [
        {
          name: "cirrus-inventory-read",
          document: doc({
            Effect: "Allow",
            Action: [
              ...READ_INVENTORY_ACTIONS,
              "rds:DescribeDBInstances",
              ...READ_SOFTWARE_ACTIONS,
              "iam:ListAccountAliases",
            ],
            Resource: "*",
          }),
        },
      ],
      purpose: "member-inventory",
    });
  }

  return {
    format: "cirrus-simulator-world/1",
    name: "scale",
    description:
      `${accountCount} accounts × ${regionNames.length} regions × ${perRegion} instances` +
      (applicationsPerNode > 0 ? ` × ${applicationsPerNode} applications` : ""),
    seed,
    partition,
    accounts,
    organization: {
      id: ids.organization(rng),
      managementAccountId: mgmt,
      featureSet: "ALL",
      root: { id: rootId, name: "Root" },
      organizationalUnits: [],
    },
    iam: { users: b.users, groups: b.groups, roles: b.roles, policies: b.policies },
    aggregators: [
      {
        name: "cirrus-aggregator",
        account: mgmt,
        region: regionNames[0],
        arn: arn(partition, "config", regionNames[0], mgmt, `config-aggregator/${ids.aggregator(rng)}`),
        source: {
          organization: true,
          roleArn: `${p.arnPrefix}iam::${mgmt}:role/service-role/AWSConfigRoleForOrganizations`,
        },
        allAwsRegions: true,
        creationTime: "2025-02-03T10:00:00Z",
      },
    ],
  };
}
