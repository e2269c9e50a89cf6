import "server-only";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { clientIpFrom } from "../http/client-ip";
import { checkSignInRateLimit, rateLimitMessage } from "./sign-in-rate-limit";

// Runs before next-auth's credentials callback: once an account or an address has too many
// recent failures, answer 429 with Retry-After and do not check the password at all.
export async function rejectRateLimitedSignIn(request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase();
  const ip = clientIpFrom(request.headers);
  const verdict = await checkSignInRateLimit(email, ip);
  if (!verdict.limited) return null;
  await recordAuditEvent({ action: AUDIT.signInRateLimited, target: email, ip });
  const message = rateLimitMessage(verdict.retryAfterSeconds);
  return Response.json(
    { error: { code: "rate_limited", message } },
    { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
