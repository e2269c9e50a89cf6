import "server-only";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { clientIpFrom } from "../http/client-ip";
import { jsonError } from "../http/responses";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { hasRole, type Role } from "./roles";

export type RouteAuth = { user: CurrentUser; response?: never } | { user?: never; response: Response };

// Route handlers: the session's user with the required role, or the 401/403 JSON to return.
// Changing routes also verify Origin (SECURITY.md 11): a cross-site form cannot post here.
export async function authorizeRequest(request: Request, required: Role): Promise<RouteAuth> {
  const user = await getCurrentUser();
  if (!user) return { response: jsonError(401, "unauthenticated", "Sign in or send an API token") };
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
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) {
    return { response: jsonError(403, "forbidden", "Cross-origin request refused") };
  }
  return { user };
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
