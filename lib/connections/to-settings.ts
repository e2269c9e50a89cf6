import type { AwsConnectionSettings, TemporaryCredentials } from "../aws/settings";
import type { StoredConfig } from "./schemas";

export type ConnectionSecrets = {
  secretAccessKey?: string;
  sessionToken?: string;
  proxyPassword?: string;
  mfaSession?: TemporaryCredentials;
};

// Builds what lib/aws needs from a stored (or submitted) configuration and its decrypted secrets.
export function toAwsSettings(config: StoredConfig, secrets: ConnectionSecrets): AwsConnectionSettings {
  return {
    partition: config.partition,
    adapter:
      config.adapter === "config-aggregator"
        ? {
            kind: "config-aggregator",
            aggregatorName: config.aggregatorName ?? "",
            aggregatorRegion: config.aggregatorRegion ?? "",
          }
        : { kind: "direct" },
    credentials:
      config.credentialSource === "ambient"
        ? { kind: "ambient", provider: config.ambientProvider }
        : {
            kind: "access-key",
            accessKeyId: config.accessKeyId ?? "",
            secretAccessKey: secrets.secretAccessKey ?? "",
            sessionToken: secrets.sessionToken,
            mfaSerial: config.mfaSerial,
          },
    mfaSession: secrets.mfaSession,
    roleChain: config.roleChain,
    externalId: config.externalId,
    roleSessionName: config.roleSessionName,
    accounts: accountsOf(config),
    regions: config.regionMode === "list" ? { mode: "list", regions: config.regions } : { mode: "all-enabled" },
    proxy: config.proxyUrl
      ? { url: config.proxyUrl, username: config.proxyUsername, password: secrets.proxyPassword }
      : undefined,
    endpointUrl: config.endpointUrl,
    concurrency: config.concurrency,
    collectSoftware: config.collectSoftware,
  };
}

function accountsOf(config: StoredConfig): AwsConnectionSettings["accounts"] {
  switch (config.accountMode) {
    case "role-arns":
      return { mode: "role-arns", roleArns: config.roleArns };
    case "iam-policies":
      return { mode: "iam-policies" };
    case "organizations":
      return {
        mode: "organizations",
        organizationalUnitIds: config.organizationalUnitIds,
        memberRoleName: config.memberRoleName ?? "",
        excludeAccountIds: config.excludeAccountIds,
      };
    default:
      return { mode: "self" };
  }
}
