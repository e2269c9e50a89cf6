import { errorFacts, type ErrorFacts, redact } from "./error-facts";
import {
  CREDENTIAL_CODES,
  DENIED_CODES,
  EXPIRED_CODES,
  NETWORK_CODES,
  NOT_FOUND_CODES,
  ORGANIZATIONS_UNAVAILABLE_CODES,
  SERVER_ERROR_CODES,
  THROTTLING_CODES,
  TRANSIENT_NETWORK_CODES,
} from "./error-codes";
import { assumeRoleHint, deniedHint, HINTS } from "./error-hints";
import {
  AwsCallError,
  type AwsErrorInfo,
  type AwsErrorStatus,
  type ClassifyContext,
  MfaRequiredError,
} from "./error-types";
import { isOptInRegion } from "./opt-in-regions";

export {
  AwsCallError,
  MfaRequiredError,
  AWS_ERROR_STATUSES,
  type AwsErrorInfo,
  type AwsErrorStatus,
  type ClassifyContext,
} from "./error-types";

/** Turns any error from an AWS call into a status, the code, a message and a hint. */
export function classifyAwsError(error: unknown, ctx: ClassifyContext): AwsErrorInfo {
  if (error instanceof AwsCallError) return error.info;
  if (error instanceof MfaRequiredError) {
    return {
      status: "mfa",
      errorCode: "MfaSessionRequired",
      action: ctx.action,
      message: error.message,
      hint: HINTS.mfaRequired,
    };
  }
  const facts = errorFacts(error);
  const { status, hint, message } = decide(facts, ctx);
  // A denial names the action AWS refused: a scope's helper call (ssm:GetInventory behind managed
  // nodes, ec2:DescribeImages behind instances) is the permission to add, not the scope's read.
  const action = (status === "denied" && deniedActionIn(facts.message)) || ctx.action;
  return { status, errorCode: facts.code, action, message: redact(message, ctx.secrets), hint };
}

const deniedActionIn = (awsText: string) => /is not authorized to perform:? ([\w-]+:[\w*]+)/i.exec(awsText)?.[1];

type Decision = { status: AwsErrorStatus; hint: string; message: string };

function decide(f: ErrorFacts, ctx: ClassifyContext): Decision {
  const { code, httpStatus } = f;
  const awsText = f.message;
  const is = (status: AwsErrorStatus, hint: string, message = awsText): Decision => ({ status, hint, message });

  if (f.proxyStatus !== undefined || code === "ProxyTimeout") {
    const message =
      f.proxyStatus === 407
        ? "The proxy requires authentication and refused the credentials (HTTP 407)"
        : `The proxy refused the connection to AWS (${awsText})`;
    return is("proxy-error", f.proxyStatus === 407 ? HINTS.proxyAuth : HINTS.proxy, message);
  }
  if (httpStatus === 407)
    return is(
      "proxy-error",
      HINTS.proxyAuth,
      "The proxy requires authentication and refused the credentials (HTTP 407)",
    );
  if (THROTTLING_CODES.has(code) || httpStatus === 429) return is("throttled", HINTS.throttled);
  if (/MultiFactorAuthentication/i.test(awsText) || (code === "ValidationError" && /tokenCode/i.test(awsText))) {
    return is("mfa", HINTS.mfa, `The MFA code was rejected: ${awsText.trim()}`);
  }
  if (EXPIRED_CODES.has(code)) {
    return is(
      "expired",
      HINTS.expired,
      code === "RequestExpired"
        ? `${awsText} (expired credentials or request: check the session and the server clock)`
        : awsText,
    );
  }
  if (regionNotEnabled(code, httpStatus, ctx)) {
    return is("region-not-enabled", HINTS.regionNotEnabled, `${ctx.region} is not enabled for this account (${code})`);
  }
  if (
    ctx.action.startsWith("organizations:") &&
    (ORGANIZATIONS_UNAVAILABLE_CODES.has(code) ||
      (code === "AccessDeniedException" && !/is not authorized to perform/i.test(awsText)))
  ) {
    return is("organizations-not-available", HINTS.organizations);
  }
  if (ctx.action === "sts:AssumeRole" && (code === "AccessDenied" || DENIED_CODES.has(code))) {
    const externalId = ctx.externalIdSent === false ? "no external ID was sent" : "the external ID may not match";
    return is(
      "assume-role-failed",
      assumeRoleHint(ctx),
      `Could not assume ${ctx.roleArn ?? "the role"}: AWS denied sts:AssumeRole (${externalId}). ${awsText}`.trim(),
    );
  }
  if (DENIED_CODES.has(code)) {
    const action = deniedActionIn(awsText) ?? ctx.action;
    return is("denied", deniedHint(action, ctx.region), `Access denied: ${action} is not allowed. ${awsText}`.trim());
  }
  if (code === "CredentialsProviderError") return is("credentials", HINTS.ambient);
  if (CREDENTIAL_CODES.has(code)) {
    const clock = /Signature expired/i.test(awsText);
    return is(
      "credentials",
      clock ? `${HINTS.credentials} The request time was rejected: fix the server clock.` : HINTS.credentials,
    );
  }
  if (NOT_FOUND_CODES.has(code) || /NotFound(Exception|Fault)?$/.test(code)) return is("not-found", HINTS.notFound);
  if (NETWORK_CODES.has(code)) return networkDecision(f, ctx);
  if (SERVER_ERROR_CODES.has(code) || (httpStatus !== undefined && httpStatus >= 500))
    return is("error", HINTS.serverError);
  return is("error", HINTS.unknown);
}

// EC2 answers AuthFailure (401) in a region the account has not enabled, and query services
// reject the credentials there (InvalidClientTokenId): the same codes as a bad key, so the
// region decides.
function regionNotEnabled(code: string, httpStatus: number | undefined, ctx: ClassifyContext): boolean {
  if (code === "OptInRequired") return true;
  if (!ctx.region || ctx.regionEnabled === true) return false;
  const disabled = ctx.regionEnabled === false || isOptInRegion(ctx.region);
  if (!disabled) return false;
  return (
    (code === "AuthFailure" && (httpStatus === undefined || httpStatus === 401)) ||
    code === "InvalidClientTokenId" ||
    code === "UnrecognizedClientException"
  );
}

function networkDecision(f: ErrorFacts, ctx: ClassifyContext): Decision {
  const toProxy =
    ctx.proxy &&
    (f.address === undefined || f.address === ctx.proxy.host || (f.port !== undefined && f.port === ctx.proxy.port));
  // With a proxy every socket goes to the proxy (hpagent tunnels with CONNECT), so a refused or
  // unresolvable connection is the proxy's.
  if (toProxy && ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"].includes(f.code)) {
    return {
      status: "proxy-error",
      hint: HINTS.proxy,
      message: `Could not connect to the proxy ${ctx.proxy!.host}:${ctx.proxy!.port} (${f.code})`,
    };
  }
  const timeout = ["TimeoutError", "RequestTimeout", "RequestTimeoutException", "ETIMEDOUT", "AbortError"].includes(
    f.code,
  );
  return { status: "network-error", hint: timeout ? HINTS.timeout : HINTS.network, message: f.message };
}

/**
 * Whether the collector should try the same call again: throttling, 5xx and transient network
 * failures only; never denials, bad credentials, expired tokens or configuration errors.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof MfaRequiredError) return false;
  if (error instanceof AwsCallError)
    return (
      error.info.status === "throttled" ||
      (error.info.status === "network-error" && TRANSIENT_NETWORK_CODES.has(error.info.errorCode)) ||
      (error.info.status === "error" && SERVER_ERROR_CODES.has(error.info.errorCode))
    );
  const f = errorFacts(error);
  if (THROTTLING_CODES.has(f.code) || f.httpStatus === 429) return true;
  if (f.proxyStatus !== undefined || f.httpStatus === 407) return false;
  if (DENIED_CODES.has(f.code) || CREDENTIAL_CODES.has(f.code) || EXPIRED_CODES.has(f.code)) return false;
  if (TRANSIENT_NETWORK_CODES.has(f.code) && f.code !== "AbortError") return true;
  return SERVER_ERROR_CODES.has(f.code) || (f.httpStatus !== undefined && f.httpStatus >= 500 && f.httpStatus <= 599);
}
