import { getMfaSession } from "../aws";
import type { AwsConnectionSettings, TemporaryCredentials } from "../aws/settings";

export type MfaGate = { session?: TemporaryCredentials; newSession?: TemporaryCredentials; skipReason?: string };

// MFA with schedules: a code typed for a manual run buys a session (stored encrypted by the
// caller); runs without a code reuse a live session, or are recorded as skipped.
export async function resolveMfa(
  settings: AwsConnectionSettings,
  mfaCode: string | undefined,
  sessionSeconds = 12 * 3600,
): Promise<MfaGate> {
  if (settings.credentials.kind !== "access-key" || !settings.credentials.mfaSerial) return {};
  if (mfaCode) {
    const session = await getMfaSession(settings, mfaCode, sessionSeconds);
    return { session, newSession: session };
  }
  const live = settings.mfaSession && settings.mfaSession.expiration.getTime() > Date.now() + 5 * 60_000;
  return live ? { session: settings.mfaSession } : { skipReason: "MFA session expired: enter a code" };
}
