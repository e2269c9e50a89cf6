import { EC2ServiceException } from "@aws-sdk/client-ec2";
import {
  AccessDeniedException as OrgAccessDenied,
  AWSOrganizationsNotInUseException,
} from "@aws-sdk/client-organizations";
import { NoSuchConfigurationAggregatorException } from "@aws-sdk/client-config-service";
import { RDSServiceException } from "@aws-sdk/client-rds";
import { STSServiceException } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { AwsCallError, MfaRequiredError } from "./error-types";
import { classifyAwsError, isRetryable } from "./errors";

// SDK-shaped errors: unmodelled codes arrive as the service's generic exception with `name` set
// to the AWS code and the HTTP status in $metadata, exactly as the SDK builds them.
const meta = (httpStatusCode: number) => ({ httpStatusCode, requestId: "req-1", attempts: 1, totalRetryDelay: 0 });
const ec2 = (name: string, status: number, message = `${name} message`) =>
  new EC2ServiceException({ name, $fault: status >= 500 ? "server" : "client", $metadata: meta(status), message });
const sts = (name: string, status: number, message = `${name} message`) =>
  new STSServiceException({ name, $fault: "client", $metadata: meta(status), message });
const rds = (name: string, status: number, message = `${name} message`) =>
  new RDSServiceException({ name, $fault: "client", $metadata: meta(status), message });
const net = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`connect ${code} 10.0.0.9:443`), { code, ...extra });

describe("classifyAwsError", () => {
  it("names the exact IAM action on a denial", () => {
    const denied = classifyAwsError(
      ec2("UnauthorizedOperation", 403, "You are not authorized to perform this operation."),
      { action: "ec2:DescribeHosts", region: "us-east-1" },
    );
    expect(denied).toMatchObject({ status: "denied", errorCode: "UnauthorizedOperation", action: "ec2:DescribeHosts" });
    expect(denied.message).toContain("ec2:DescribeHosts");
    expect(denied.hint).toContain("ec2:DescribeHosts");
    const rdsDenied = classifyAwsError(
      rds(
        "AccessDenied",
        403,
        "User: arn:aws:sts::3:assumed-role/R/s is not authorized to perform: rds:DescribeDBInstances on resource: arn:aws:rds:eu-west-1:3:db:*",
      ),
      { action: "rds:DescribeDBInstances", region: "eu-west-1" },
    );
    expect(rdsDenied).toMatchObject({ status: "denied", errorCode: "AccessDenied" });
    expect(rdsDenied.message).toContain("rds:DescribeDBInstances");
    expect(classifyAwsError(sts("AuthorizationError", 403), { action: "sns:Publish" }).status).toBe("denied");
  });

  it("reads AuthFailure and InvalidClientTokenId in a region that is not enabled as region-not-enabled", () => {
    expect(
      classifyAwsError(ec2("AuthFailure", 401), { action: "ec2:DescribeInstances", region: "me-south-1" }).status,
    ).toBe("region-not-enabled");
    expect(
      classifyAwsError(ec2("AuthFailure", 401), {
        action: "ec2:DescribeInstances",
        region: "eu-west-1",
        regionEnabled: false,
      }).status,
    ).toBe("region-not-enabled");
    expect(
      classifyAwsError(ec2("OptInRequired", 403), { action: "ec2:DescribeInstances", region: "us-east-1" }).status,
    ).toBe("region-not-enabled");
    expect(
      classifyAwsError(rds("InvalidClientTokenId", 403), { action: "rds:DescribeDBInstances", region: "af-south-1" })
        .status,
    ).toBe("region-not-enabled");
    // Outside that case the same codes mean bad credentials.
    const bad = classifyAwsError(ec2("AuthFailure", 401), { action: "ec2:DescribeInstances", region: "us-east-1" });
    expect(bad.status).toBe("credentials");
    expect(bad.hint).toMatch(/access key.*secret|clock/i);
    expect(
      classifyAwsError(ec2("AuthFailure", 401), {
        action: "ec2:DescribeInstances",
        region: "me-south-1",
        regionEnabled: true,
      }).status,
    ).toBe("credentials");
  });

  it("classifies credential, expiry and throttling codes", () => {
    for (const code of [
      "InvalidClientTokenId",
      "SignatureDoesNotMatch",
      "UnrecognizedClientException",
      "InvalidSignatureException",
    ]) {
      expect(
        classifyAwsError(sts(code, 403), { action: "sts:GetCallerIdentity", region: "us-east-1" }).status,
        code,
      ).toBe("credentials");
    }
    expect(
      classifyAwsError(
        sts("SignatureDoesNotMatch", 403, "Signature expired: 20260101T000000Z is now earlier than ..."),
        { action: "sts:GetCallerIdentity" },
      ).hint,
    ).toMatch(/clock/);
    for (const code of ["ExpiredToken", "ExpiredTokenException", "RequestExpired"])
      expect(classifyAwsError(sts(code, 400), { action: "sts:GetCallerIdentity" }).status, code).toBe("expired");
    for (const code of ["Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException"])
      expect(classifyAwsError(ec2(code, 400), { action: "ec2:DescribeInstances" }).status, code).toBe("throttled");
    expect(classifyAwsError(ec2("SomethingNew", 429), { action: "ec2:DescribeInstances" }).status).toBe("throttled");
  });

  it("explains an AssumeRole refusal with the external ID, trust policy and MFA", () => {
    const error = sts(
      "AccessDenied",
      403,
      "User: arn:aws:iam::111111111111:user/c is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::2:role/R",
    );
    const sent = classifyAwsError(error, {
      action: "sts:AssumeRole",
      roleArn: "arn:aws:iam::222222222222:role/R",
      externalIdSent: true,
      mfaUsed: false,
    });
    expect(sent.status).toBe("assume-role-failed");
    expect(sent.message).toMatch(/external ID/);
    expect(sent.hint).toMatch(/trust policy/);
    expect(sent.hint).toMatch(/external ID.*does not match/);
    expect(sent.hint).toMatch(/MFA/);
    const none = classifyAwsError(error, { action: "sts:AssumeRole", externalIdSent: false, mfaUsed: true });
    expect(none.hint).toMatch(/sends none/);
    expect(none.hint).not.toMatch(/requires MFA/);
  });

  it("recognises a rejected MFA code", () => {
    const wrong = classifyAwsError(
      sts("AccessDenied", 403, "MultiFactorAuthentication failed with invalid MFA one time pass code. "),
      { action: "sts:GetSessionToken" },
    );
    expect(wrong).toMatchObject({ status: "mfa", errorCode: "AccessDenied" });
    expect(wrong.message).toMatch(/MFA code was rejected/);
    expect(classifyAwsError(new MfaRequiredError("expired"), { action: "ec2:DescribeInstances" })).toMatchObject({
      status: "mfa",
      message: expect.stringMatching(/expired/),
    });
  });

  it("tells proxy failures from network failures", () => {
    const proxy = { host: "10.0.0.2", port: 3128 };
    expect(classifyAwsError(new Error("Bad response: 407"), { action: "sts:GetCallerIdentity", proxy })).toMatchObject({
      status: "proxy-error",
      errorCode: "ProxyAuthenticationRequired",
    });
    expect(classifyAwsError(new Error("Bad response: 502"), { action: "sts:GetCallerIdentity", proxy }).status).toBe(
      "proxy-error",
    );
    expect(
      classifyAwsError(net("ECONNREFUSED", { address: "10.0.0.2", port: 3128 }), {
        action: "ec2:DescribeInstances",
        proxy,
      }).status,
    ).toBe("proxy-error");
    expect(
      classifyAwsError(net("ECONNREFUSED", { address: "10.0.0.9", port: 443 }), { action: "ec2:DescribeInstances" })
        .status,
    ).toBe("network-error");
    expect(classifyAwsError(net("ENOTFOUND"), { action: "ec2:DescribeInstances" }).status).toBe("network-error");
    expect(classifyAwsError(new Error("socket hang up"), { action: "ec2:DescribeInstances" }).status).toBe(
      "network-error",
    );
    const timeout = classifyAwsError(
      Object.assign(new Error("Request did not complete within 10000 ms"), { name: "TimeoutError" }),
      { action: "ec2:DescribeInstances" },
    );
    expect(timeout).toMatchObject({ status: "network-error", errorCode: "TimeoutError" });
  });

  it("reports Organizations unavailable apart from an IAM denial", () => {
    const notInUse = new AWSOrganizationsNotInUseException({
      $metadata: meta(400),
      message: "Your account is not a member of an organization.",
    });
    expect(classifyAwsError(notInUse, { action: "organizations:ListAccounts" }).status).toBe(
      "organizations-not-available",
    );
    const member = new OrgAccessDenied({
      $metadata: meta(400),
      message: "You don't have permissions to access this resource.",
    });
    const info = classifyAwsError(member, { action: "organizations:ListAccounts" });
    expect(info.status).toBe("organizations-not-available");
    expect(info.hint).toMatch(/management account or a delegated administrator/);
    const iamDenied = new OrgAccessDenied({
      $metadata: meta(400),
      message: "User: arn:aws:iam::1:user/x is not authorized to perform: organizations:ListAccounts",
    });
    expect(classifyAwsError(iamDenied, { action: "organizations:ListAccounts" })).toMatchObject({
      status: "denied",
      message: expect.stringContaining("organizations:ListAccounts"),
    });
  });

  it("reports a missing aggregator as not-found, and unknown errors as error", () => {
    const missing = new NoSuchConfigurationAggregatorException({
      $metadata: meta(400),
      message: "The configuration aggregator does not exist.",
    });
    expect(classifyAwsError(missing, { action: "config:DescribeConfigurationAggregators" }).status).toBe("not-found");
    expect(classifyAwsError(ec2("InternalError", 500), { action: "ec2:DescribeInstances" }).status).toBe("error");
    expect(classifyAwsError(new Error("boom"), { action: "x:Y" })).toMatchObject({
      status: "error",
      errorCode: "UnknownError",
    });
  });

  it("keeps secrets and URL credentials out of messages", () => {
    const error = new Error("failed for http://alice:hunter2@proxy:3128 with secret wJalrXUtnFEMI/K7MDENG");
    const info = classifyAwsError(error, { action: "x:Y", secrets: ["wJalrXUtnFEMI/K7MDENG"] });
    expect(info.message).not.toContain("hunter2");
    expect(info.message).not.toContain("wJalrXUtnFEMI");
  });

  it("returns the classification an AwsCallError already carries", () => {
    const info = {
      status: "assume-role-failed" as const,
      errorCode: "AccessDenied",
      action: "sts:AssumeRole",
      message: "m",
      hint: "h",
    };
    expect(classifyAwsError(new AwsCallError(info), { action: "ec2:DescribeInstances" })).toBe(info);
  });
});

describe("isRetryable", () => {
  it("retries throttling, 5xx and transient network failures only", () => {
    expect(isRetryable(ec2("RequestLimitExceeded", 503))).toBe(true);
    expect(isRetryable(ec2("ServiceUnavailable", 503))).toBe(true);
    expect(isRetryable(ec2("InternalError", 500))).toBe(true);
    expect(isRetryable(net("ECONNRESET"))).toBe(true);
    expect(isRetryable(Object.assign(new Error("t"), { name: "TimeoutError" }))).toBe(true);
    expect(isRetryable(ec2("UnauthorizedOperation", 403))).toBe(false);
    expect(isRetryable(sts("AccessDenied", 403))).toBe(false);
    expect(isRetryable(sts("InvalidClientTokenId", 403))).toBe(false);
    expect(isRetryable(sts("SignatureDoesNotMatch", 403))).toBe(false);
    expect(isRetryable(sts("ExpiredToken", 400))).toBe(false);
    expect(isRetryable(new Error("Bad response: 407"))).toBe(false);
    expect(isRetryable(net("ENOTFOUND"))).toBe(false);
    expect(isRetryable(new MfaRequiredError("missing"))).toBe(false);
    expect(
      isRetryable(
        new AwsCallError({ status: "throttled", errorCode: "Throttling", action: "a", message: "m", hint: "h" }),
      ),
    ).toBe(true);
    expect(
      isRetryable(
        new AwsCallError({ status: "denied", errorCode: "AccessDenied", action: "a", message: "m", hint: "h" }),
      ),
    ).toBe(false);
  });
});
