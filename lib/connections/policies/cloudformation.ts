import type { PolicyDocument } from "./types";
import { toYaml } from "./yaml";

export type MemberRoleTemplateInput = {
  roleName: string;
  principalArn: string;
  externalId?: string;
  requireMfa: boolean;
  permissionPolicy: PolicyDocument;
};

// The member role as a CloudFormation template, meant for a service-managed StackSet across
// the organization (or OUs). Principal, external ID and role name are parameters defaulting to
// this connection's values, so one template serves several connections.
export function memberRoleTemplate(input: MemberRoleTemplateInput): string {
  const condition: Record<string, unknown> = {};
  if (input.externalId) condition.StringEquals = { "sts:ExternalId": { Ref: "ExternalId" } };
  if (input.requireMfa) condition.Bool = { "aws:MultiFactorAuthPresent": "true" };
  const template = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description:
      "Cirrus: read-only inventory role (EC2, RDS) trusted by the Cirrus principal. Deploy with a StackSet to every member account.",
    Parameters: {
      TrustedPrincipalArn: {
        Type: "String",
        Default: input.principalArn,
        Description: "The IAM user or role ARN Cirrus assumes this role from.",
      },
      ...(input.externalId
        ? {
            ExternalId: {
              Type: "String",
              Default: input.externalId,
              MinLength: 2,
              MaxLength: 1224,
              AllowedPattern: "[\\w+=,.@:/-]*",
              Description: "The external ID of the Cirrus connection.",
            },
          }
        : {}),
      RoleName: {
        Type: "String",
        Default: input.roleName,
        AllowedPattern: "[\\w+=,.@-]{1,64}",
        Description: "Name of the role; the same in every account.",
      },
    },
    Resources: {
      CirrusInventoryRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: { Ref: "RoleName" },
          Description: "Read-only inventory access for Cirrus",
          // Role sessions assumed through a chain last at most 1 hour anyway.
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "TrustCirrus",
                Effect: "Allow",
                Principal: { AWS: { Ref: "TrustedPrincipalArn" } },
                Action: "sts:AssumeRole",
                ...(Object.keys(condition).length ? { Condition: condition } : {}),
              },
            ],
          },
          Policies: [{ PolicyName: "cirrus-inventory-read", PolicyDocument: input.permissionPolicy }],
        },
      },
    },
    Outputs: {
      RoleArn: { Description: "ARN of the inventory role", Value: { "Fn::GetAtt": ["CirrusInventoryRole", "Arn"] } },
    },
  };
  return toYaml(JSON.parse(JSON.stringify(template)));
}
