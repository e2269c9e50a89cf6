// AWS error codes by what they mean to Cirrus (AWS-REFERENCE.md section 3).

export const THROTTLING_CODES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "RequestThrottled",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "SlowDown",
  "ProvisionedThroughputExceededException",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
  "TransactionInProgressException",
]);

export const EXPIRED_CODES = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "RequestExpired",
  "TokenRefreshRequired",
]);

export const DENIED_CODES = new Set([
  "UnauthorizedOperation",
  "AccessDenied",
  "AccessDeniedException",
  "AuthorizationError",
  "UnauthorizedException",
  "Forbidden",
]);

export const CREDENTIAL_CODES = new Set([
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "AuthFailure",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "IncompleteSignature",
  "IncompleteSignatureException",
  "MissingAuthenticationToken",
  "MissingAuthenticationTokenException",
  "InvalidAccessKeyId",
  "CredentialsProviderError",
  "InvalidToken",
]);

export const NOT_FOUND_CODES = new Set([
  "NoSuchConfigurationAggregatorException",
  "NoSuchEntity",
  "NoSuchEntityException",
  "ParentNotFoundException",
  "AccountNotFoundException",
  "DBInstanceNotFound",
  "DBInstanceNotFoundFault",
]);

export const ORGANIZATIONS_UNAVAILABLE_CODES = new Set([
  "AWSOrganizationsNotInUseException",
  "AccessDeniedForDependencyException",
]);

export const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
  "ENETDOWN",
  "EPROTO",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "AbortError",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Worth another attempt: the same request may well succeed a moment later. */
export const TRANSIENT_NETWORK_CODES = new Set([
  "EAI_AGAIN",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ECONNABORTED",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export const SERVER_ERROR_CODES = new Set([
  "InternalError",
  "InternalFailure",
  "ServiceUnavailable",
  "Unavailable",
  "InternalServerError",
  "ServiceFailure",
]);
