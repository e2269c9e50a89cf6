// AWS errors and their three wire shapes. Handlers throw ApiError; the server renders it in the
// protocol of the service that was called.
import type { ServerResponse } from "node:http";
import type { Protocol, ServiceInfo } from "./service-info";
import { escapeXml, XML_DECLARATION } from "./xml";

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly sender = status < 500,
  ) {
    super(message);
  }
}

export function renderError(
  res: ServerResponse,
  err: ApiError,
  service: ServiceInfo | undefined,
  requestId: string,
): void {
  const protocol: Protocol = service?.protocol ?? "query";
  res.statusCode = err.status;
  if (protocol === "json") {
    res.setHeader("x-amzn-ErrorType", err.code);
    res.setHeader("content-type", "application/x-amz-json-1.1");
    res.end(JSON.stringify({ __type: err.code, message: err.message }));
    return;
  }
  res.setHeader("content-type", "text/xml;charset=UTF-8");
  const code = `<Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>`;
  if (protocol === "ec2") {
    // EC2 is the odd one out: <Response><Errors>… and RequestID with a capital D.
    res.end(
      `${XML_DECLARATION}<Response><Errors><Error>${code}</Error></Errors><RequestID>${requestId}</RequestID></Response>`,
    );
    return;
  }
  const ns = service?.xmlns ? ` xmlns="${service.xmlns}"` : "";
  res.end(
    `${XML_DECLARATION}<ErrorResponse${ns}><Error><Type>${err.sender ? "Sender" : "Receiver"}</Type>${code}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  );
}

/** Authentication failures: each protocol family has its own codes for the same problem. */
export const authErrors = {
  unknownKey(p: Protocol): ApiError {
    if (p === "ec2")
      return new ApiError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
    if (p === "json")
      return new ApiError("UnrecognizedClientException", "The security token included in the request is invalid.", 400);
    return new ApiError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
  },
  badSessionToken(p: Protocol): ApiError {
    if (p === "ec2")
      return new ApiError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
    if (p === "json")
      return new ApiError("UnrecognizedClientException", "The security token included in the request is invalid", 400);
    return new ApiError("InvalidClientTokenId", "The security token included in the request is invalid", 403);
  },
  badSignature(p: Protocol): ApiError {
    const msg =
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    if (p === "ec2")
      return new ApiError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
    if (p === "json") return new ApiError("InvalidSignatureException", msg, 400);
    return new ApiError("SignatureDoesNotMatch", msg, 403);
  },
  skewed(p: Protocol, detail: string): ApiError {
    if (p === "ec2") return new ApiError("RequestExpired", `Request has expired. ${detail}`, 400);
    if (p === "json") return new ApiError("InvalidSignatureException", `Signature expired: ${detail}`, 400);
    return new ApiError("SignatureDoesNotMatch", `Signature expired: ${detail}`, 403);
  },
  expiredToken(p: Protocol): ApiError {
    if (p === "ec2") return new ApiError("RequestExpired", "Request has expired.", 400);
    if (p === "json")
      return new ApiError("ExpiredTokenException", "The security token included in the request is expired", 400);
    return new ApiError("ExpiredToken", "The security token included in the request is expired", 400);
  },
  missing(p: Protocol): ApiError {
    if (p === "ec2")
      return new ApiError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
    if (p === "json") return new ApiError("MissingAuthenticationTokenException", "Missing Authentication Token", 400);
    return new ApiError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
  },
};

export function throttlingError(service: ServiceInfo): ApiError {
  return new ApiError(service.throttle.code, service.throttle.message, service.throttle.status);
}
