import { jsonError } from "./responses";

// Next's own limit for a server action's body (experimental.serverActions.bodySizeLimit, unset here).
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

// Next 16 checks a server action's body size and its Origin against Host itself, but answers
// both failures with a 500 "Invalid Server Actions request" / "Body exceeded 1mb limit", which
// reads as our crash and hides the cause. The proxy calls this first so that the same two
// checks answer 413 and 403 in the JSON error shape, before any action code or body parsing.
// Next's checks stay in place behind it (a chunked body without Content-Length still meets
// Next's streaming limit).
export function rejectBadServerAction(request: Request): Response | null {
  if (request.method !== "POST" || !isServerAction(request)) return null;
  const length = request.headers.get("content-length");
  if (length !== null && !(/^\d+$/.test(length.trim()) && Number(length) <= ACTION_BODY_LIMIT_BYTES)) {
    return jsonError(413, "payloadtoolarge", "The request body is too large", {
      fieldErrors: { body: [`At most ${ACTION_BODY_LIMIT_BYTES} bytes`] },
    });
  }
  const origin = request.headers.get("origin");
  // No Origin: a hand-made request, not a browser's, so no cross-site forgery (Next lets it through too).
  if (origin !== null && originHost(origin) !== expectedHost(request)) {
    return jsonError(403, "forbidden", "Cross-origin server action refused", {
      fieldErrors: { origin: ["Must be this site's own origin"] },
    });
  }
  return null;
}

// A fetch action carries Next-Action; a form posted before hydration carries the action id in a
// form field, so any form POST to a page counts as well (route handlers live under /api).
function isServerAction(request: Request): boolean {
  if (request.headers.has("next-action")) return true;
  const type = request.headers.get("content-type") ?? "";
  return (
    !new URL(request.url).pathname.startsWith("/api/") &&
    /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)
  );
}

function originHost(origin: string): string | null {
  try {
    return origin === "null" ? null : new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

// The host the browser addressed, as Next compares it: the first X-Forwarded-Host, else Host.
function expectedHost(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host") || new URL(request.url).host;
  return host.toLowerCase();
}
