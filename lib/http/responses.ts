import { isExpectedError, RateLimitedError, ValidationError } from "../errors";
import { logUnexpected } from "../log";

// One JSON error shape for every route handler: { error: { code, message, fieldErrors? } }.
export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function errorResponse(error: unknown): Response {
  if (isExpectedError(error)) {
    const extra = error instanceof ValidationError ? { fieldErrors: error.fieldErrors } : {};
    const response = jsonError(error.status, error.name.replace(/Error$/, "").toLowerCase(), error.message, extra);
    if (error instanceof RateLimitedError) response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
  const reference = logUnexpected(error);
  return jsonError(500, "internal", `Something went wrong (reference ${reference})`);
}
