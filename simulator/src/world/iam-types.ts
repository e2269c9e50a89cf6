// IAM principals and policy documents of a world.

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: "*" | { AWS?: string | string[]; Service?: string | string[] };
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface PolicyDocument {
  Version: "2012-10-17" | "2008-10-17";
  Statement: PolicyStatement | PolicyStatement[];
}

export interface InlinePolicy {
  name: string;
  document: PolicyDocument;
}

export interface ManagedPolicySpec {
  arn: string;
  name: string;
  path?: string;
  policyId: string;
  description?: string;
  createDate: string;
  /** Versions newest last; the default one is `defaultVersionId`. */
  versions: { versionId: string; document: PolicyDocument; createDate: string }[];
  defaultVersionId: string;
}

export interface AccessKeySpec {
  accessKeyId: string;
  secretAccessKey: string;
  status?: "Active" | "Inactive";
}

export interface MfaDeviceSpec {
  serialNumber: string;
  /** RFC 4648 base32 TOTP secret (RFC 6238: 30 s step, 6 digits, SHA-1). */
  secretBase32: string;
}

export interface UserSpec {
  account: string;
  name: string;
  path?: string;
  userId: string;
  createDate: string;
  accessKeys: AccessKeySpec[];
  groups: string[];
  attachedPolicies: string[];
  inlinePolicies: InlinePolicy[];
  mfaDevices?: MfaDeviceSpec[];
  /** Free text: what the principal is for (shown in docs and --credentials-out). */
  purpose?: string;
}

export interface GroupSpec {
  account: string;
  name: string;
  path?: string;
  groupId: string;
  createDate: string;
  attachedPolicies: string[];
  inlinePolicies: InlinePolicy[];
}

export interface RoleSpec {
  account: string;
  name: string;
  path?: string;
  roleId: string;
  createDate: string;
  maxSessionDuration: number;
  trustPolicy: PolicyDocument;
  attachedPolicies: string[];
  inlinePolicies: InlinePolicy[];
  /** `member-inventory` roles are listed under `roles` in --credentials-out. */
  purpose?: string;
}
