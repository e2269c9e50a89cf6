import type { Partition } from "./partitions";

// Everything lib/aws needs to reach AWS for one connection: plain, decrypted values, no
// Prisma. lib/connections builds it from a stored connection (decrypting secrets) or from the
// wizard's unsaved form.

export type AmbientProvider = "instance-profile" | "container" | "environment" | "default-chain";

export type CredentialSource =
  | {
      kind: "access-key";
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
      // IAM user MFA device (serial ARN). Calls then use an MFA session from GetSessionToken.
      mfaSerial?: string;
    }
  | { kind: "ambient"; provider: AmbientProvider };

export type TemporaryCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
};

export type RoleHop = { roleArn: string; externalId?: string };

export type AccountSelection =
  | { mode: "self" }
  | { mode: "role-arns"; roleArns: string[] }
  // Role ARNs allowed by sts:AssumeRole statements in the IAM user's (and its groups') attached
  // managed policies. Inline policies and wildcards are reported, not guessed.
  | { mode: "iam-policies" }
  | {
      mode: "organizations";
      // Empty: every account of the organization; otherwise the accounts under these OUs.
      organizationalUnitIds: string[];
      memberRoleName: string;
      excludeAccountIds: string[];
    };

export type RegionSelection = { mode: "list"; regions: string[] } | { mode: "all-enabled" };

export type Adapter =
  { kind: "direct" } | { kind: "config-aggregator"; aggregatorName: string; aggregatorRegion: string };

export type ProxySettings = { url: string; username?: string; password?: string };

export type AwsConnectionSettings = {
  partition: Partition;
  adapter: Adapter;
  credentials: CredentialSource;
  // A live MFA session (from GetSessionToken with the device code), used instead of the
  // long-term keys when credentials.mfaSerial is set.
  mfaSession?: TemporaryCredentials;
  // Assumed in order before reaching the accounts; each hop uses the connection's external
  // ID unless the hop names its own.
  roleChain: RoleHop[];
  externalId?: string;
  roleSessionName: string;
  accounts: AccountSelection;
  regions: RegionSelection;
  proxy?: ProxySettings;
  // Custom endpoint for every service (VPC endpoints, the local simulator).
  endpointUrl?: string;
  concurrency: number;
  // Whether runs read SSM managed nodes and installed software (absent: yes, the default).
  collectSoftware?: boolean;
};
