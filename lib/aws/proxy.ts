import { z } from "zod";
import type { ProxySettings } from "./settings";

// Proxy addresses as admins type them (the format peers document): http(s)://host:port, or
// host:port / IP:port with http assumed, the port defaulting to 80 or 443 by scheme.
// Credentials never go inside the URL: they have their own fields (the password is a secret,
// encrypted at rest; a URL is stored and shown in clear).

export class InvalidProxyUrlError extends Error {
  override name = "InvalidProxyUrlError";
}

export type ProxyUrlResult = { ok: true; url: string } | { ok: false; error: string };

const FORMAT_HELP = "expected http://host:port, https://host:port or IP:port";

export function parseProxyUrl(input: string): ProxyUrlResult {
  const text = input.trim();
  if (!text) return { ok: false, error: "Proxy: enter the proxy address" };
  if (/\s/.test(text)) return { ok: false, error: `Proxy: no spaces allowed; ${FORMAT_HELP}` };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    return { ok: false, error: `Proxy: only http and https proxies are supported (not ${scheme}://)` };
  }
  const withScheme = scheme ? text : `http://${text}`;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(withScheme)) {
    return { ok: false, error: "Proxy: put the username and password in their own fields, not in the URL" };
  }
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `Proxy: ${FORMAT_HELP}` };
  }
  if (!url.hostname) return { ok: false, error: `Proxy: ${FORMAT_HELP}` };
  if ((url.pathname && url.pathname !== "/") || url.search || url.hash) {
    return { ok: false, error: `Proxy: no path or query after the port; ${FORMAT_HELP}` };
  }
  const protocol = url.protocol.slice(0, -1);
  // URL drops a port equal to the scheme's default; write it out so the stored value is explicit.
  const port = url.port ? Number(url.port) : protocol === "https" ? 443 : 80;
  if (port < 1) return { ok: false, error: "Proxy: the port must be between 1 and 65535" };
  return { ok: true, url: `${protocol}://${url.hostname}:${port}` };
}

/** The canonical `scheme://host:port` form; throws InvalidProxyUrlError with a clear message. */
export function normalizeProxyUrl(input: string): string {
  const result = parseProxyUrl(input);
  if (!result.ok) throw new InvalidProxyUrlError(result.error);
  return result.url;
}

/** For forms and imports: validates and normalises a proxy address. */
export const proxyUrlSchema = z.string().transform((value, ctx) => {
  const result = parseProxyUrl(value);
  if (result.ok) return result.url;
  ctx.addIssue({ code: "custom", message: result.error });
  return z.NEVER;
});

/** Host and port of the proxy, to tell a failing proxy from a failing AWS endpoint. */
export function proxyAddress(proxy: ProxySettings): { host: string; port: number } {
  const url = new URL(normalizeProxyUrl(proxy.url));
  // URL hides a port equal to the scheme's default.
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port };
}

/**
 * The URL given to hpagent, with the separately stored username and password URL-encoded into
 * it (hpagent decodes them for the Proxy-Authorization header). Never log or show this value.
 */
export function proxyUrlWithCredentials(proxy: ProxySettings): string {
  const url = new URL(normalizeProxyUrl(proxy.url));
  if (proxy.username) url.username = encodeURIComponent(proxy.username);
  if (proxy.password) url.password = encodeURIComponent(proxy.password);
  return url.toString();
}
