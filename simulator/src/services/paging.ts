// Opaque pagination tokens shared by every paginated API. A token remembers the offset and a
// fingerprint of the request, so a token replayed with other filters is rejected as AWS does.
import { createHash } from "node:crypto";

export function fingerprint(...parts: unknown[]): string {
  return createHash("sha1").update(JSON.stringify(parts)).digest("hex").slice(0, 12);
}

export function encodeToken(offset: number, fp: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fp })).toString("base64url");
}

/** The offset the token stands for, or undefined when it is malformed or from another query. */
export function decodeToken(token: string | undefined, fp: string): number | undefined {
  if (token === undefined || token === "") return 0;
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown; f?: unknown };
    return typeof v.o === "number" && Number.isInteger(v.o) && v.o >= 0 && v.f === fp ? v.o : undefined;
  } catch {
    return undefined;
  }
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function pageOf<T>(all: T[], offset: number, size: number, fp: string): Page<T> {
  const items = all.slice(offset, offset + size);
  const next = offset + size;
  return { items, nextToken: next < all.length ? encodeToken(next, fp) : undefined };
}

/** The page size to use: what was asked (or the API default), capped by the world's limit. */
export function pageSize(requested: number | undefined, fallback: number, worldMax: number | undefined): number {
  const size = requested ?? fallback;
  return worldMax ? Math.min(size, worldMax) : size;
}
