// STS input validation with AWS's ValidationError wording, and the MFA check shared by
// AssumeRole and GetSessionToken.
import { verifyTotp } from "../../auth/totp";
import type { Session } from "../../auth/session";
import { ApiError } from "../../protocols/errors";
import type { CallContext } from "../context";

export function validationError(member: string, value: string, constraint: string): ApiError {
  return new ApiError(
    "ValidationError",
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
    400,
  );
}

export function durationParam(ctx: CallContext, min: number, max: number, fallback: number): number {
  const raw = ctx.params.get("DurationSeconds");
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw validationError("durationSeconds", raw, `Member must have value greater than or equal to ${min}`);
  if (n > max) throw validationError("durationSeconds", raw, `Member must have value less than or equal to ${max}`);
  return n;
}

const MFA_UNVALIDATED =
  "MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.";

/** True when the call carried a valid MFA code for a device of the calling user. */
export function checkMfa(ctx: CallContext, caller: Session): boolean {
  const serial = ctx.params.get("SerialNumber");
  const code = ctx.params.get("TokenCode");
  if (serial === undefined && code === undefined) return false;
  if (code !== undefined && !/^\d{6}$/.test(code))
    throw validationError("tokenCode", code, "Member must satisfy regular expression pattern: [\\d]*");
  if (serial === undefined || code === undefined) throw new ApiError("AccessDenied", MFA_UNVALIDATED, 403);
  const device = ctx.world.mfaDevice(serial);
  if (!device || !caller.user || device.user !== caller.user) throw new ApiError("AccessDenied", MFA_UNVALIDATED, 403);
  // AWS's message carries a trailing space; keep it for clients that compare text.
  if (!verifyTotp(device.device.secretBase32, code, ctx.clock.now()))
    throw new ApiError("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code. ", 403);
  return true;
}
