import "server-only";
import { authenticateApiToken } from "../api-tokens/authenticate-api-token";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { clientIpFrom } from "../http/client-ip";
import { jsonError } from "../http/responses";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { hasRole, type Role } from "./roles";

export type RouteAuth = { user: CurrentUser; response?: never } | { user?: never; response: Response };

// Route handlers: the caller (a session's user, or an API token acting as its role) with the
// required role, or the 401/403 JSON to return.
// Changing routes also verify Origin (SECURITY.md 11): a cross-site form cannot post here.
// Token requests skip that check: the browser never attaches a bearer token by itself, so a
// cross-site page cannot forge one.
export async function authorizeRequest(request: Request, required: Role): Promise<RouteAuth> {
  const bearer = bearerTokenFrom(request);
  const user = bearer !== null ? await tokenUser(bearer) : await getCurrentUser();
  if (!user) {
    const message =
      bearer !== null
        ? "The API token is not valid, has expired or been revoked, or its creator is disabled"
        : "Sign in or send an API token";
    return { response: jsonError(401, "unauthenticated", message) };
  }
  if (!hasRole(user.role, required)) {
    await recordAuditEvent({
      action: AUDIT.authorizationFailed,
      actor: user,
      ip: clientIpFrom(request.headers),
      targetType: "route",
      target: `${request.method} ${new URL(request.url).pathname}`,
    });
    return { response: jsonError(403, "forbidden", "Your role does not allow this") };
  }
  if (bearer === null && request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) {
    return { response: jsonError(403, "forbidden", "Cross-origin request refused") };
  }
  return { user };
}

// The token from `Authorization: Bearer <token>` ("" when the value is missing: still a token
// request, answered 401), or null without one. Other schemes (Basic from a reverse proxy's
// own sign-in) are not ours and leave the session cookie in charge.
function bearerTokenFrom(request: Request): string | null {
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(request.headers.get("authorization") ?? "");
  return match ? (match[1] ?? "").trim() : null;
}

// A token acts as a user of its effective role (never above its creator's current role, see
// authenticateApiToken); the ids keep audit entries traceable to the token.
async function tokenUser(bearer: string): Promise<CurrentUser | null> {
  const token = await authenticateApiToken(bearer);
  if (!token) return null;
  return { id: `token:${token.id}`, email: `token:${token.name}`, name: token.name, role: token.role };
}

function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // non-browser clients send no Origin; cookies are SameSite=Lax
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
