// Builds IAM principals and policies for presets with seed-derived IDs and partition-correct ARNs.
import { PARTITIONS } from "./partitions";
import { ids } from "./ids";
import type { Prng } from "./prng";
import type {
  GroupSpec,
  InlinePolicy,
  ManagedPolicySpec,
  Partition,
  PolicyDocument,
  PolicyStatement,
  RoleSpec,
  UserSpec,
} from "./types";

const CREATED = "2024-03-18T09:12:44Z";

export function doc(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

export class IamBuilder {
  readonly users: UserSpec[] = [];
  readonly groups: GroupSpec[] = [];
  readonly roles: RoleSpec[] = [];
  readonly policies: ManagedPolicySpec[] = [];

  constructor(
    readonly partition: Partition,
    private readonly rng: Prng,
  ) {}

  private get prefix(): string {
    return `${PARTITIONS[this.partition].arnPrefix}iam::`;
  }

  userArn = (account: string, name: string) => `${this.prefix}${account}:user/${name}`;
  roleArn = (account: string, name: string) => `${this.prefix}${account}:role/${name}`;
  policyArn = (account: string, name: string) => `${this.prefix}${account}:policy/${name}`;
  root = (account: string) => `${this.prefix}${account}:root`;
  mfaArn = (account: string, user: string) => `${this.prefix}${account}:mfa/${user}`;
  externalId = () => ids.externalId(this.rng);

  policy(account: string, name: string, document: PolicyDocument, description?: string): string {
    const arn = this.policyArn(account, name);
    this.policies.push({
      arn,
      name,
      path: "/",
      policyId: ids.policyId(this.rng),
      description,
      createDate: CREATED,
      versions: [{ versionId: "v1", document, createDate: CREATED }],
      defaultVersionId: "v1",
    });
    return arn;
  }

  user(
    account: string,
    name: string,
    o: { groups?: string[]; attached?: string[]; inline?: InlinePolicy[]; mfa?: boolean; purpose?: string },
  ): UserSpec {
    const user: UserSpec = {
      account,
      name,
      path: "/",
      userId: ids.userId(this.rng),
      createDate: CREATED,
      accessKeys: [
        { accessKeyId: ids.accessKey(this.rng), secretAccessKey: ids.secretKey(this.rng), status: "Active" },
      ],
      groups: o.groups ?? [],
      attachedPolicies: o.attached ?? [],
      inlinePolicies: o.inline ?? [],
      ...(o.mfa
        ? { mfaDevices: [{ serialNumber: this.mfaArn(account, name), secretBase32: ids.mfaSecret(this.rng) }] }
        : {}),
      ...(o.purpose ? { purpose: o.purpose } : {}),
    };
    this.users.push(user);
    return user;
  }

  group(account: string, name: string, attached: string[], inline: InlinePolicy[] = []): GroupSpec {
    const group: GroupSpec = {
      account,
      name,
      path: "/",
      groupId: ids.groupId(this.rng),
      createDate: CREATED,
      attachedPolicies: attached,
      inlinePolicies: inline,
    };
    this.groups.push(group);
    return group;
  }

  role(
    account: string,
    name: string,
    trustPolicy: PolicyDocument,
    o: { attached?: string[]; inline?: InlinePolicy[]; maxSessionDuration?: number; purpose?: string },
  ): RoleSpec {
    const role: RoleSpec = {
      account,
      name,
      path: "/",
      roleId: ids.roleId(this.rng),
      createDate: CREATED,
      maxSessionDuration: o.maxSessionDuration ?? 3600,
      trustPolicy,
      attachedPolicies: o.attached ?? [],
      inlinePolicies: o.inline ?? [],
      ...(o.purpose ? { purpose: o.purpose } : {}),
    };
    this.roles.push(role);
    return role;
  }
}

/** Trust statement: the given principals may assume the role when they pass the external ID. */
export function trustWithExternalId(principals: string | string[], externalId: string): PolicyStatement {
  return {
    Effect: "Allow",
    Principal: { AWS: principals },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "sts:ExternalId": externalId } },
  };
}

export const READ_INVENTORY_ACTIONS = [
  "ec2:DescribeInstances",
  "ec2:DescribeHosts",
  "ec2:DescribeReservedInstances",
  "ec2:DescribeImages",
  "ec2:DescribeInstanceTypes",
  "ec2:DescribeRegions",
];

/** SSM Inventory reads: managed nodes, then their software (fleet-wide and per node). */
export const READ_SOFTWARE_ACTIONS = [
  "ssm:DescribeInstanceInformation",
  "ssm:GetInventory",
  "ssm:ListInventoryEntries",
];
