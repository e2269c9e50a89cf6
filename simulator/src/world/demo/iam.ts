// Demo principals. The collector's attached policies name exact member-role ARNs (user policy:
// Production, group policy: Development + one wildcard); its inline policy grants the hub role,
// so discovery from attached policies finds exactly the member roles and reports the rest.
import {
  doc,
  type IamBuilder,
  READ_INVENTORY_ACTIONS,
  READ_SOFTWARE_ACTIONS,
  trustWithExternalId,
} from "../iam-builder";
import type { Partition, PolicyStatement } from "../types";
import { DEMO_MANAGEMENT, DEMO_MEMBERS, DEMO_NAMES as N, DEMO_RDS_DENIED, DEMO_SSM_INVENTORY_DENIED } from "./layout";

const MGMT = DEMO_MANAGEMENT.id;

const OWN_POLICY_READS = [
  "iam:GetUser",
  "iam:ListAccountAliases",
  "iam:ListAttachedUserPolicies",
  "iam:ListGroupsForUser",
  "iam:ListAttachedGroupPolicies",
  "iam:GetPolicy",
  "iam:GetPolicyVersion",
  "iam:ListUserPolicies",
  "iam:ListGroupPolicies",
];
const ORG_READS = [
  "organizations:ListAccounts",
  "organizations:ListAccountsForParent",
  "organizations:ListRoots",
  "organizations:ListOrganizationalUnitsForParent",
  "organizations:DescribeOrganization",
];
const CONFIG_READS = ["config:DescribeConfigurationAggregators", "config:SelectAggregateResourceConfig"];

export function buildDemoIam(b: IamBuilder, partition: Partition, sharedExternalId?: string): void {
  const memberRole = (account: string) => b.roleArn(account, N.memberRole);
  const prod = DEMO_MEMBERS.filter((m) => m.ou === "Production").map((m) => memberRole(m.id));
  const dev = DEMO_MEMBERS.filter((m) => m.ou === "Development").map((m) => memberRole(m.id));
  const hubArn = b.roleArn(MGMT, N.hubRole);

  const userPolicy = b.policy(
    MGMT,
    "CirrusCollectorPolicy",
    doc(
      { Sid: "AssumeProductionInventoryRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: prod },
      {
        Sid: "ReadInventory",
        Effect: "Allow",
        Action: ["ec2:Describe*", "rds:DescribeDBInstances", ...READ_SOFTWARE_ACTIONS],
        Resource: "*",
      },
      { Sid: "ReadOrganization", Effect: "Allow", Action: ORG_READS, Resource: "*" },
      { Sid: "ReadOwnPolicies", Effect: "Allow", Action: OWN_POLICY_READS, Resource: "*" },
      { Sid: "ReadConfigAggregator", Effect: "Allow", Action: CONFIG_READS, Resource: "*" },
    ),
    "Cirrus collector: inventory reads and production member roles",
  );
  const groupPolicy = b.policy(
    MGMT,
    "CirrusCollectorDevelopmentAccess",
    doc(
      { Sid: "AssumeDevelopmentInventoryRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: dev },
      // A wildcard: discovery must report it instead of guessing which accounts it covers.
      { Sid: "AssumeAuditRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: b.roleArn("*", "CirrusAudit*") },
    ),
    "Cirrus collectors group: development member roles",
  );
  const hubInline = {
    name: "cirrus-hub-access",
    document: doc({ Sid: "AssumeHub", Effect: "Allow", Action: "sts:AssumeRole", Resource: hubArn }),
  };

  b.group(MGMT, N.collectorGroup, [groupPolicy]);
  b.user(MGMT, N.collectorUser, {
    groups: [N.collectorGroup],
    attached: [userPolicy],
    inline: [hubInline],
    purpose:
      "Long-term key of the demo connection: reads the management account, assumes CirrusInventoryRole in each member account",
  });

  const mfaPolicy = b.policy(
    MGMT,
    "CirrusMfaAccess",
    doc(
      {
        Sid: "AssumeMemberRolesWithMfa",
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Resource: [...prod, ...dev],
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
      {
        Sid: "ReadWithMfa",
        Effect: "Allow",
        Action: [
          "ec2:Describe*",
          "rds:DescribeDBInstances",
          ...READ_SOFTWARE_ACTIONS,
          ...OWN_POLICY_READS,
          ...ORG_READS,
        ],
        Resource: "*",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
    ),
    "Everything requires an MFA session",
  );
  b.user(MGMT, N.mfaUser, {
    attached: [mfaPolicy],
    mfa: true,
    purpose: "Needs MFA: without an MFA session it may only call sts:GetSessionToken and sts:GetCallerIdentity",
  });

  b.role(MGMT, N.hubRole, doc(trustWithExternalId(b.root(MGMT), b.externalId())), {
    inline: [
      {
        name: "assume-chain-target",
        document: doc({
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Resource: b.roleArn(N.chainTargetAccount, N.chainTargetRole),
        }),
      },
    ],
    maxSessionDuration: 14400,
    purpose: "chain-hub",
  });
  b.role(
    MGMT,
    N.instanceRole,
    doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
    {
      attached: [userPolicy, groupPolicy],
      inline: [hubInline],
      purpose: "instance-profile",
    },
  );

  // One external ID for every member role, as a StackSet deploys them: a connection has one.
  // Drawn once per member anyway so the other principals keep the same IDs and keys.
  const memberExternalIds = DEMO_MEMBERS.map(() => b.externalId());
  for (const m of DEMO_MEMBERS) {
    const denied = DEMO_RDS_DENIED[partition];
    const rds =
      m.id === denied.account
        ? // This role lacks rds:DescribeDBInstances in one region only (an implicit deny there).
          {
            Sid: "ReadDatabases",
            Effect: "Allow" as const,
            Action: "rds:DescribeDBInstances",
            Resource: "*",
            Condition: { StringNotEquals: { "aws:RequestedRegion": denied.region } },
          }
        : { Sid: "ReadDatabases", Effect: "Allow" as const, Action: "rds:DescribeDBInstances", Resource: "*" };
    b.role(m.id, N.memberRole, doc(trustWithExternalId(b.root(MGMT), sharedExternalId ?? memberExternalIds[0])), {
      inline: [
        {
          name: "cirrus-inventory-read",
          document: doc(
            { Sid: "ReadInventory", Effect: "Allow", Action: READ_INVENTORY_ACTIONS, Resource: "*" },
            rds,
            ...softwareStatements(m.id, partition),
            { Sid: "ReadAlias", Effect: "Allow", Action: "iam:ListAccountAliases", Resource: "*" },
          ),
        },
      ],
      maxSessionDuration: 3600,
      purpose: "member-inventory",
    });
  }

  b.role(N.chainTargetAccount, N.chainTargetRole, doc(trustWithExternalId(hubArn, b.externalId())), {
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
    purpose: "chain-target",
  });

  const member = DEMO_MEMBERS[0].id;
  const readOnly = b.policy(
    member,
    "MemberReadOnly",
    doc({
      Effect: "Allow",
      Action: ["ec2:Describe*", "rds:DescribeDBInstances", "organizations:*", "iam:ListAccountAliases"],
      Resource: "*",
    }),
  );
  b.user(member, N.memberReadOnlyUser, {
    attached: [readOnly],
    purpose: "A member-account user: Organizations answers it AccessDeniedException (not the management account)",
  });
}

/** SSM reads of a member role; in one cell ssm:GetInventory is missing (an implicit deny there). */
function softwareStatements(account: string, partition: Partition): PolicyStatement[] {
  const denied = DEMO_SSM_INVENTORY_DENIED[partition];
  if (account !== denied.account)
    return [{ Sid: "ReadSoftware", Effect: "Allow", Action: READ_SOFTWARE_ACTIONS, Resource: "*" }];
  return [
    {
      Sid: "ReadSoftware",
      Effect: "Allow",
      Action: READ_SOFTWARE_ACTIONS.filter((a) => a !== "ssm:GetInventory"),
      Resource: "*",
    },
    {
      Sid: "ReadSoftwareInventory",
      Effect: "Allow",
      Action: "ssm:GetInventory",
      Resource: "*",
      Condition: { StringNotEquals: { "aws:RequestedRegion": denied.region } },
    },
  ];
}
