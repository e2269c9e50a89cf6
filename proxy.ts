import { NextResponse, type NextRequest } from "next/server";
import { rejectBadServerAction } from "@/lib/http/action-request-guard";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

// Runs before every page, server action and route handler (not static assets). Keep it cheap:
// no database, no next-auth. One function per concern; a concern that refuses a request
// returns its response before the page renders.
export function proxy(request: NextRequest): Response {
  // Oversized or cross-origin server actions: 413 / 403 JSON instead of Next's 500.
  return rejectBadServerAction(request) ?? withContentSecurityPolicy(request);
}

// A fresh nonce per request. Next reads it from the request's Content-Security-Policy header and
// puts it on every script it renders; the browser gets the same policy on the response.
function withContentSecurityPolicy(request: NextRequest): NextResponse {
  // NODE_ENV is fixed at build time (Next inlines it); lib/env.ts would be too heavy here.
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but build assets (hashed files under /_next/static, image optimisation, the icon):
  // pages, the POSTs of server actions to them, and /api (JSON, NDJSON streams, downloads).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
