// Success envelopes: EC2 has no Result wrapper and a lower-case requestId; awsQuery wraps the
// result and adds ResponseMetadata; JSON services answer the output shape itself.
import type { ServerResponse } from "node:http";
import type { ServiceInfo } from "./service-info";
import { XML_DECLARATION } from "./xml";

export function sendSuccess(
  res: ServerResponse,
  service: ServiceInfo,
  action: string,
  requestId: string,
  result: string | Record<string, unknown>,
): void {
  res.statusCode = 200;
  if (service.protocol === "json") {
    res.setHeader("content-type", "application/x-amz-json-1.1");
    res.end(JSON.stringify(result));
    return;
  }
  res.setHeader("content-type", "text/xml;charset=UTF-8");
  const ns = `xmlns="${service.xmlns}"`;
  if (service.protocol === "ec2") {
    res.end(
      `${XML_DECLARATION}<${action}Response ${ns}><requestId>${requestId}</requestId>${result as string}</${action}Response>`,
    );
    return;
  }
  res.end(
    `${XML_DECLARATION}<${action}Response ${ns}><${action}Result>${result as string}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  );
}
