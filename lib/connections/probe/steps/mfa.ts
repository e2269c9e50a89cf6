import { MfaRequiredError } from "../../../aws/error-types";
import { getMfaSession } from "../../../aws/mfa";
import type { AwsConnectionSettings, TemporaryCredentials } from "../../../aws/settings";
import type { CheckLog } from "../check-log";

const DEFAULT_MFA_SESSION_SECONDS = 12 * 3600;

export type MfaStepResult =
  { ok: true; settings: AwsConnectionSettings; newSession?: TemporaryCredentials } | { ok: false };

// With an MFA device, everything runs on an MFA session: a fresh one from the code typed now,
// or the stored one while it lasts. The session itself is returned, never put in an event.
export async function checkMfa(
  log: CheckLog,
  settings: AwsConnectionSettings,
  options: { mfaCode?: string; durationSeconds?: number; signal: AbortSignal; now: number },
): Promise<MfaStepResult> {
  const source = settings.credentials;
  if (source.kind !== "access-key" || !source.mfaSerial) return { ok: true, settings };
  const base = {
    id: "mfa",
    step: "mfa" as const,
    label: `MFA session (${source.mfaSerial})`,
    action: "sts:GetSessionToken",
  };
  if (options.mfaCode) {
    const result = await log.check(
      base,
      () =>
        getMfaSession(settings, options.mfaCode!, options.durationSeconds ?? DEFAULT_MFA_SESSION_SECONDS, {
          abortSignal: options.signal,
        }),
      (session) => ({
        message: `MFA code accepted; the session lasts until ${session.expiration.toISOString()}`,
        details: { expiresAt: session.expiration.toISOString() },
      }),
    );
    return result.ok
      ? { ok: true, settings: { ...settings, mfaSession: result.value }, newSession: result.value }
      : { ok: false };
  }
  const stored = settings.mfaSession;
  if (stored && stored.expiration.getTime() - options.now > 60_000) {
    log.emit({
      ...base,
      status: "ok",
      message: `Using the stored MFA session (until ${stored.expiration.toISOString()})`,
      details: { expiresAt: stored.expiration.toISOString() },
    });
    return { ok: true, settings };
  }
  const missing = new MfaRequiredError(stored ? "expired" : "missing");
  log.emit({
    ...base,
    status: "mfa",
    errorCode: "MfaSessionRequired",
    message: missing.message,
    hint: "Enter the current 6-digit code from the MFA device and run the test again.",
  });
  return { ok: false };
}
