import net from "node:net";

// Pure helpers for telling who is on the other end of a request (lib/http/client-ip.ts).

// One entry of TRUSTED_PROXIES: an address ("10.0.0.7", "::1") or a CIDR ("10.0.0.0/8", "fd00::/8").
export function isProxyEntry(entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  const family = net.isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

// TRUSTED_PROXIES is a list separated by commas and/or spaces.
export function splitProxyList(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).filter(Boolean);
}

export function trustedProxyList(entries: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const type = net.isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

// "::ffff:10.0.0.1" -> "10.0.0.1"; "[::1]:5000" and "10.0.0.1:5000" (some proxies add the
// port) -> the address; anything that is not an IP address -> null.
export function normaliseIp(value: string | undefined | null): string | null {
  let text = (value ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(text)) text = text.slice(7);
  return net.isIP(text) ? text.toLowerCase() : null;
}

// The client's address. `peer` is the TCP peer (the socket); X-Forwarded-For counts only when
// that peer is a trusted proxy. Then the list is read from the right (each proxy appends the
// address it received the request from) and the first address that is not itself a trusted
// proxy is the client: entries further left were written by the client and prove nothing.
export function resolveClientIp(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: net.BlockList,
): string | null {
  const socket = normaliseIp(peer);
  if (!socket || !isTrusted(socket, trusted)) return socket;
  let client = socket;
  for (const entry of (forwardedFor ?? "").split(",").reverse()) {
    const address = normaliseIp(entry);
    if (!address) break; // garbage from further left: keep the last hop we could vouch for
    client = address;
    if (!isTrusted(address, trusted)) break;
  }
  return client;
}

function isTrusted(address: string, trusted: net.BlockList): boolean {
  return trusted.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6");
}
