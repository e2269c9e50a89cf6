import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentityProvider, Logger } from "@smithy/types";
import { AwsCallError, MfaRequiredError } from "./error-types";
import { classifyAwsError } from "./errors";
import type { ClassifyContext } from "./error-types";
import { refreshingProvider } from "./refreshing-provider";

export type StsClientSettings = {
  region: string;
  endpoint?: string;
  requestHandler: NodeHttpHandler;
  maxAttempts: number;
  retryMode: "standard" | "adaptive";
  logger: Logger;
};

export type AssumeRoleOptions = {
  master: AwsCredentialIdentityProvider;
  roleArn: string;
  externalId?: string;
  roleSessionName: string;
  durationSeconds: number;
  sts: StsClientSettings;
  refreshBeforeMs?: number;
  now?: () => number;
  classify: Omit<ClassifyContext, "action" | "roleArn" | "externalIdSent">;
};

// One role, assumed from `master` and shared by every client that needs it. The STS client
// config is passed explicitly: fromTemporaryCredentials does not inherit the caller's endpoint
// (only its request handler), and the simulator, VPC endpoints and proxies depend on both.
// Failures are classified here, once, so a denied AssumeRole surfacing through an EC2 call
// still reads as an assume-role failure naming this role and the external ID.
export function assumeRoleProvider(options: AssumeRoleOptions): AwsCredentialIdentityProvider {
  const assume = fromTemporaryCredentials({
    masterCredentials: options.master,
    params: {
      RoleArn: options.roleArn,
      RoleSessionName: options.roleSessionName,
      // Chained role sessions are capped at 1 hour by STS; 3600 s is also AssumeRole's default.
      DurationSeconds: options.durationSeconds,
      ...(options.externalId ? { ExternalId: options.externalId } : {}),
    },
    clientConfig: { ...options.sts },
  });
  const context: ClassifyContext = {
    ...options.classify,
    action: "sts:AssumeRole",
    roleArn: options.roleArn,
    externalIdSent: Boolean(options.externalId),
  };
  return refreshingProvider(
    () =>
      assume().catch((error: unknown) => {
        if (error instanceof AwsCallError || error instanceof MfaRequiredError) throw error;
        throw new AwsCallError(classifyAwsError(error, context), { cause: error });
      }),
    { refreshBeforeMs: options.refreshBeforeMs, now: options.now },
  );
}

/** Classifies failures of the starting credentials (IMDS unreachable, no MFA session...). */
export function classifiedProvider(
  provider: AwsCredentialIdentityProvider,
  context: ClassifyContext,
): AwsCredentialIdentityProvider {
  return (properties) =>
    provider(properties).catch((error: unknown) => {
      if (error instanceof AwsCallError || error instanceof MfaRequiredError) throw error;
      throw new AwsCallError(classifyAwsError(error, context), { cause: error });
    });
}
