import http from "node:http";
import https from "node:https";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { HttpProxyAgent, HttpsProxyAgent } from "hpagent";
import { proxyUrlWithCredentials } from "./proxy";
import type { ProxySettings } from "./settings";

export type RequestHandlerOptions = {
  proxy?: ProxySettings;
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  maxSockets?: number;
};

// One handler per connection, shared by every client and credential provider of it, so all
// traffic (STS included) goes through the same proxy and the same keep-alive pools. hpagent
// tunnels both http and https targets with CONNECT; neither agent reads NO_PROXY.
export function createRequestHandler(options: RequestHandlerOptions): NodeHttpHandler {
  const agentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets: options.maxSockets ?? 50,
    maxFreeSockets: 10,
    scheduling: "lifo" as const,
  };
  const agents = options.proxy
    ? {
        httpAgent: new HttpProxyAgent({ ...agentOptions, proxy: proxyUrlWithCredentials(options.proxy) }),
        httpsAgent: new HttpsProxyAgent({ ...agentOptions, proxy: proxyUrlWithCredentials(options.proxy) }),
      }
    : { httpAgent: new http.Agent(agentOptions), httpsAgent: new https.Agent(agentOptions) };
  return new NodeHttpHandler({
    ...agents,
    connectionTimeout: options.connectionTimeoutMs,
    requestTimeout: options.requestTimeoutMs,
    // Without this the SDK only logs a warning when requestTimeout passes and keeps waiting.
    throwOnRequestTimeout: true,
  });
}
