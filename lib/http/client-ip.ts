// The client's address for the audit log and per-IP rate limits. Next sets x-forwarded-for to
// the socket address unless a proxy in front already did; behind a reverse proxy, that proxy
// must overwrite (not append to) the header for the value to be trustworthy.
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientIpFrom(headers: HeaderSource): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = value?.split(",")[0]?.trim();
  return first ? first.replace(/^::ffff:/, "") : null;
}
