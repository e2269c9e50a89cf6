import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { clientIpFrom } from "../http/client-ip";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { hasRole, type Role } from "./roles";

// Deny by default: every page, server action and route handler calls one of these first.

// Pages: not signed in -> the sign-in page; wrong role -> 403 page.
export async function requireUser(required: Role = "viewer"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!hasRole(user.role, required)) {
    await auditDenied(user, "page");
    forbidden();
  }
  return user;
}

export function requireAdmin(): Promise<CurrentUser> {
  return requireUser("admin");
}

// Server actions: 401 / 403 responses (Next's authInterrupts), nothing runs after.
export async function authorizeAction(required: Role): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) unauthorized();
  if (!hasRole(user.role, required)) {
    await auditDenied(user, "action");
    forbidden();
  }
  return user;
}

export async function requestIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}

export async function auditDenied(user: CurrentUser, kind: string, target?: string): Promise<void> {
  await recordAuditEvent({
    action: AUDIT.authorizationFailed,
    actor: user,
    ip: await requestIp(),
    targetType: kind,
    target,
  });
}
