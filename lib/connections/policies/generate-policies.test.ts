import { describe, expect, it } from "vitest";
import type { AwsConnectionSettings } from "../../aws/settings";
import { RESOURCE_LIST } from "../../resources/registry";
import { generatePolicies } from "./generate-policies";
import type { PolicyDocument, PolicyStatement } from "./types";

const USER = "arn:aws:iam::111111111111:user/cirrus-collector";
const base: AwsConnectionSettings = {
  partition: "aws",
  adapter: { kind: "direct" },
  credentials: { kind: "access-key", accessKeyId: "AKIAEXAMPLE000000000", secretAccessKey: "secret" },
  roleChain: [],
  externalId: "ext-1234567890",
  roleSessionName: "cirrus",
  accounts: {
    mode: "role-arns",
    roleArns: [
      "arn:aws:iam::222222222222:role/CirrusInventoryRole",
      "arn:aws:iam::333333333333:role/CirrusInventoryRole",
    ],
  },
  regions: { mode: "all-enabled" },
  concurrency: 4,
};
// The SSM types' actions, granted while the connection collects software (the default).
const SOFTWARE_ACTIONS = [
  ...new Set(RESOURCE_LIST.filter((d) => d.software).flatMap((d) => [d.aws.read, ...d.aws.helpers])),
];
const withSoftware = (actions: string[]) => [...actions, ...SOFTWARE_ACTIONS].sort();
const with_ = (patch: Partial<AwsConnectionSettings>) => ({ ...base, ...patch });
const statement = (doc: PolicyDocument, sid: string) => doc.Statement.find((s) => s.Sid === sid);
const actions = (doc: PolicyDocument) =>
  doc.Statement.flatMap((s: PolicyStatement) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe("generatePolicies", () => {
  it("role ARNs: assume exactly those roles; member role reads inventory; trust has the external ID", () => {
    const p = generatePolicies(base, { principalArn: USER });
    expect(statement(p.basePolicy, "AssumeMemberRoles")?.Resource).toEqual([
      "arn:aws:iam::222222222222:role/CirrusInventoryRole",
      "arn:aws:iam::333333333333:role/CirrusInventoryRole",
    ]);
    expect(actions(p.basePolicy).sort()).toEqual(["sts:AssumeRole", "sts:GetCallerIdentity"]);
    const withoutSoftware = [
      "ec2:DescribeHosts",
      "ec2:DescribeImages",
      "ec2:DescribeInstanceTypes",
      "ec2:DescribeInstances",
      "ec2:DescribeRegions",
      "ec2:DescribeReservedInstances",
      "iam:ListAccountAliases",
      "rds:DescribeDBInstances",
    ];
    expect(actions(p.memberPolicy)).toEqual(withSoftware(withoutSoftware));
    // Software collection off: no SSM action is asked for.
    const off = generatePolicies(with_({ collectSoftware: false }), { principalArn: USER });
    expect(actions(off.memberPolicy)).toEqual(withoutSoftware);
    expect(p.memberPolicy.Statement[0].Resource).toBe("*");
    expect(p.trustPolicy.Statement[0]).toEqual({
      Sid: "TrustCirrus",
      Effect: "Allow",
      Principal: { AWS: USER },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "ext-1234567890" } },
    });
    expect(p.chainRoles).toEqual([]);
  });

  it("the generated policies grant ec2:DescribeInstanceTypes, which vCPUs of instances without CpuOptions come from", () => {
    expect(actions(generatePolicies(base, { principalArn: USER }).memberPolicy)).toContain("ec2:DescribeInstanceTypes");
    expect(
      actions(generatePolicies(with_({ accounts: { mode: "self" } }), { principalArn: USER }).basePolicy),
    ).toContain("ec2:DescribeInstanceTypes");
    expect(generatePolicies(base, { principalArn: USER }).cloudFormationTemplate).toContain(
      "ec2:DescribeInstanceTypes",
    );
  });

  it("self: no AssumeRole, the caller reads its own account", () => {
    const p = generatePolicies(with_({ accounts: { mode: "self" } }), { principalArn: USER });
    expect(statement(p.basePolicy, "AssumeMemberRoles")).toBeUndefined();
    expect(actions(p.basePolicy)).toContain("ec2:DescribeInstances");
    expect(actions(p.basePolicy)).not.toContain("organizations:ListAccounts");
  });

  it("IAM-policy discovery: IAM reads scoped to the user, nothing from Organizations", () => {
    const p = generatePolicies(with_({ accounts: { mode: "iam-policies" } }), {
      principalArn: USER,
      memberRoleArns: ["arn:aws:iam::222222222222:role/R"],
    });
    expect(statement(p.basePolicy, "ReadOwnUserPolicies")).toMatchObject({
      Resource: USER,
      Action: ["iam:GetUser", "iam:ListAttachedUserPolicies", "iam:ListGroupsForUser", "iam:ListUserPolicies"],
    });
    expect(statement(p.basePolicy, "ReadOwnGroupPolicies")).toMatchObject({
      Resource: "arn:aws:iam::111111111111:group/*",
    });
    expect(actions(p.basePolicy)).toEqual(
      expect.arrayContaining([
        "iam:GetPolicy",
        "iam:GetPolicyVersion",
        "iam:ListAttachedGroupPolicies",
        "iam:ListGroupPolicies",
      ]),
    );
    expect(actions(p.basePolicy).some((a) => a.startsWith("organizations:"))).toBe(false);
    expect(statement(p.basePolicy, "AssumeMemberRoles")?.Resource).toBe("arn:aws:iam::222222222222:role/R");
    const unknown = generatePolicies(with_({ accounts: { mode: "iam-policies" } }));
    expect(JSON.stringify(unknown.basePolicy)).toContain("<MEMBER_ACCOUNT_ID>");
    expect(unknown.notes.join(" ")).toMatch(/exact role ARN/);
  });

  it("Organizations: list permissions and the member role in any account, explained", () => {
    const p = generatePolicies(
      with_({
        partition: "aws-us-gov",
        accounts: {
          mode: "organizations",
          organizationalUnitIds: [],
          memberRoleName: "CirrusInventory",
          excludeAccountIds: [],
        },
      }),
      { principalArn: "arn:aws-us-gov:iam::111111111111:user/c" },
    );
    expect(statement(p.basePolicy, "AssumeMemberRoles")?.Resource).toBe("arn:aws-us-gov:iam::*:role/CirrusInventory");
    expect(statement(p.basePolicy, "DiscoverOrganizationAccounts")?.Action).toEqual([
      "organizations:ListRoots",
      "organizations:ListAccounts",
      "organizations:ListAccountsForParent",
      "organizations:ListOrganizationalUnitsForParent",
    ]);
    expect(actions(p.basePolicy).some((a) => a.startsWith("iam:Get"))).toBe(false);
    expect(p.notes.join(" ")).toMatch(/trust policy/);
    expect(p.cloudFormationTemplate).toContain('Default: "CirrusInventory"');
    expect(JSON.stringify(p)).not.toMatch(/arn:aws:/);
  });

  it("MFA: GetSessionToken without MFA, everything else with aws:MultiFactorAuthPresent, and in the trust policy", () => {
    const p = generatePolicies(
      with_({
        credentials: {
          kind: "access-key",
          accessKeyId: "AKIAEXAMPLE000000000",
          secretAccessKey: "s",
          mfaSerial: "arn:aws:iam::111111111111:mfa/c",
        },
      }),
      { principalArn: USER },
    );
    expect(statement(p.basePolicy, "StartMfaSession")).toEqual({
      Sid: "StartMfaSession",
      Effect: "Allow",
      Action: "sts:GetSessionToken",
      Resource: "*",
    });
    expect(statement(p.basePolicy, "AssumeMemberRoles")?.Condition).toEqual({
      Bool: { "aws:MultiFactorAuthPresent": "true" },
    });
    expect(p.trustPolicy.Statement[0].Condition).toEqual({
      StringEquals: { "sts:ExternalId": "ext-1234567890" },
      Bool: { "aws:MultiFactorAuthPresent": "true" },
    });
    expect(p.cloudFormationTemplate).toContain('"aws:MultiFactorAuthPresent": "true"');
  });

  it("Config adapter: aggregator permissions, and only the per-region EC2 reads Config lacks", () => {
    const p = generatePolicies(
      with_({ adapter: { kind: "config-aggregator", aggregatorName: "agg", aggregatorRegion: "us-east-1" } }),
      { principalArn: USER },
    );
    expect(statement(p.basePolicy, "QueryConfigAggregator")?.Action).toEqual([
      "config:DescribeConfigurationAggregators",
      "config:SelectAggregateResourceConfig",
    ]);
    // Config records no SSM data: those reads stay per region, like reserved instances.
    expect(actions(p.memberPolicy)).toEqual(
      withSoftware([
        "ec2:DescribeImages",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeRegions",
        "ec2:DescribeReservedInstances",
        "iam:ListAccountAliases",
      ]),
    );
  });

  it("role chain: the base assumes the first hop; the last hop does the work and is the trusted principal", () => {
    const hub = "arn:aws:iam::111111111111:role/Hub";
    const target = "arn:aws:iam::222222222222:role/Target";
    const p = generatePolicies(
      with_({ roleChain: [{ roleArn: hub, externalId: "hub-ext" }, { roleArn: target }], accounts: { mode: "self" } }),
      { principalArn: USER },
    );
    expect(statement(p.basePolicy, "AssumeFirstChainRole")?.Resource).toBe(hub);
    expect(actions(p.basePolicy).sort()).toEqual(["sts:AssumeRole", "sts:GetCallerIdentity"]);
    expect(p.chainRoles.map((r) => r.roleArn)).toEqual([hub, target]);
    expect(p.chainRoles[0].trustPolicy.Statement[0]).toMatchObject({
      Principal: { AWS: USER },
      Condition: { StringEquals: { "sts:ExternalId": "hub-ext" } },
    });
    expect(statement(p.chainRoles[0].permissionPolicy, "AssumeNextChainRole")?.Resource).toBe(target);
    expect(p.chainRoles[1].trustPolicy.Statement[0]).toMatchObject({
      Principal: { AWS: hub },
      Condition: { StringEquals: { "sts:ExternalId": "ext-1234567890" } },
    });
    expect(actions(p.chainRoles[1].permissionPolicy)).toContain("ec2:DescribeInstances");
    expect(p.trustPolicy.Statement[0].Principal).toEqual({ AWS: target });
  });

  it("uses the role ARN for an assumed-role caller and a placeholder when the principal is unknown", () => {
    const ambient = with_({ credentials: { kind: "ambient", provider: "instance-profile" } });
    expect(
      generatePolicies(ambient, { principalArn: "arn:aws:sts::111111111111:assumed-role/CirrusInstanceRole/i-0abc" })
        .trustPolicy.Statement[0].Principal,
    ).toEqual({ AWS: "arn:aws:iam::111111111111:role/CirrusInstanceRole" });
    const unknown = generatePolicies(ambient);
    expect(unknown.trustPolicy.Statement[0].Principal).toEqual({ AWS: "arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_NAME>" });
    expect(unknown.notes[0]).toMatch(/Run Test Connection/);
  });

  it("omits the external ID condition when none is set, and says why that matters", () => {
    const p = generatePolicies(with_({ externalId: undefined }), { principalArn: USER });
    expect(p.trustPolicy.Statement[0].Condition).toBeUndefined();
    expect(p.notes.join(" ")).toMatch(/confused-deputy/);
    expect(p.cloudFormationTemplate).not.toContain("ExternalId");
  });

  it("writes a StackSet-ready CloudFormation template for the member role", () => {
    const t = generatePolicies(base, { principalArn: USER }).cloudFormationTemplate;
    expect(t).toMatch(/^AWSTemplateFormatVersion: "2010-09-09"\n/);
    expect(t).toContain('Type: "AWS::IAM::Role"');
    expect(t).toContain(`Default: "${USER}"`);
    expect(t).toContain('Default: "ext-1234567890"');
    expect(t).toContain('Default: "CirrusInventoryRole"');
    expect(t).toContain('"sts:ExternalId":\n');
    expect(t).toContain('Ref: "ExternalId"');
    expect(t).toContain('- "rds:DescribeDBInstances"');
    expect(t).toContain('"Fn::GetAtt":');
  });
});
