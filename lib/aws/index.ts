// lib/aws: reaching AWS for one connection (credentials, role chain, partition, proxy,
// endpoint), classifying what goes wrong, and finding the accounts and regions to read.
// Knows nothing of Prisma or Next.js.
export {
  AwsSession,
  createAwsSession,
  type AwsClientClass,
  type AwsClientConfig,
  type CallerIdentity,
} from "./session";
export type { AwsSessionOptions } from "./session-options";
export { getMfaSession, MFA_SESSION_MAX_SECONDS, MFA_SESSION_MIN_SECONDS } from "./mfa";
export { classifyAwsError, isRetryable } from "./errors";
export {
  AWS_ERROR_STATUSES,
  AwsCallError,
  MfaRequiredError,
  type AwsErrorInfo,
  type AwsErrorStatus,
  type ClassifyContext,
} from "./error-types";
export { discoverAccounts, assumableRoles, decodePolicyDocument, type DiscoveryResult } from "./discovery";
export { resolveRegions, type RegionResolution } from "./regions";
export type { AccountTarget } from "./targets";
export { createRequestHandler, type RequestHandlerOptions } from "./request-handler";
export { InvalidProxyUrlError, normalizeProxyUrl, parseProxyUrl, proxyUrlSchema, type ProxyUrlResult } from "./proxy";
export { accountIdOfArn, iamUserNameOf, parseRoleArn, principalArnOf, roleArn } from "./arn";
export { isOptInRegion } from "./opt-in-regions";
export * from "./partitions";
export type * from "./settings";
