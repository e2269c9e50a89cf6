import type net from "node:net";
import { getEnv } from "../env";
import { resolveClientIp, splitProxyList, trustedProxyList } from "./forwarded-client";
import { PEER_ADDRESS_HEADER } from "./peer-address-header";

// The client's address for the audit log and per-IP sign-in limits.
// Next's server copies the socket address into X-Forwarded-For only when the request has no
// such header (base-server.js: `x-forwarded-for ??= socket.remoteAddress`), so a client that
// sends its own X-Forwarded-For hides its address completely. The socket address therefore
// comes from our own header, which lib/http/peer-address-header.ts overwrites on every request
// (instrumentation.ts installs it). X-Forwarded-For is believed only when that peer is listed
// in TRUSTED_PROXIES (default: nobody). Without the header (the CLI, tests, a request accepted
// before start-up finished) the address is unknown: null, never the client's claim.
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

let trusted: { source: string | undefined; list: net.BlockList } | undefined;

export function clientIpFrom(headers: HeaderSource): string | null {
  const source = getEnv().TRUSTED_PROXIES;
  if (!trusted || trusted.source !== source) trusted = { source, list: trustedProxyList(splitProxyList(source)) };
  return resolveClientIp(header(headers, PEER_ADDRESS_HEADER), header(headers, "x-forwarded-for"), trusted.list);
}

function header(headers: HeaderSource, name: string): string | undefined {
  const raw = headers instanceof Headers ? headers.get(name) : headers?.[name];
  return (Array.isArray(raw) ? raw.join(",") : raw) ?? undefined;
}
