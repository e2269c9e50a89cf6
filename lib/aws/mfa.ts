import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { AwsCallError, type ClassifyContext } from "./error-types";
import { classifyAwsError } from "./errors";
import { HOME_REGION } from "./partitions";
import { createRequestHandler } from "./request-handler";
import { connectionClassifyContext } from "./session-context";
import type { AwsConnectionSettings, TemporaryCredentials } from "./settings";

export const MFA_SESSION_MIN_SECONDS = 900;
export const MFA_SESSION_MAX_SECONDS = 129_600;

export type MfaSessionOptions = { connectionTimeoutMs?: number; requestTimeoutMs?: number; abortSignal?: AbortSignal };

// Turns the one-time code a person typed into an MFA session (sts:GetSessionToken with
// SerialNumber + TokenCode), signed with the IAM user's long-term keys. Scheduled runs reuse the
// session until it expires (at most 36 hours), so the code is needed only now and then.
export async function getMfaSession(
  settings: AwsConnectionSettings,
  tokenCode: string,
  durationSeconds: number,
  options: MfaSessionOptions = {},
): Promise<TemporaryCredentials> {
  const source = settings.credentials;
  const context: ClassifyContext = {
    ...connectionClassifyContext(settings),
    action: "sts:GetSessionToken",
    region: HOME_REGION[settings.partition],
    mfaUsed: true,
  };
  const fail = (errorCode: string, message: string): never => {
    throw new AwsCallError({
      status: "mfa",
      errorCode,
      action: context.action,
      message,
      hint: "Check the connection's MFA device serial and enter the current 6-digit code.",
    });
  };
  if (source.kind !== "access-key" || !source.mfaSerial)
    return fail(
      "MfaNotConfigured",
      "This connection has no MFA device: MFA sessions need access keys and an MFA device serial",
    );
  if (!/^\d{6}$/.test(tokenCode.trim())) return fail("InvalidMfaCode", "The MFA code has 6 digits");
  const duration = Math.round(Math.min(MFA_SESSION_MAX_SECONDS, Math.max(MFA_SESSION_MIN_SECONDS, durationSeconds)));

  const handler = createRequestHandler({
    proxy: settings.proxy,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 5_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 20_000,
  });
  const sts = new STSClient({
    region: HOME_REGION[settings.partition],
    ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}),
    requestHandler: handler,
    // A one-time code must not be replayed by automatic retries.
    maxAttempts: 1,
    credentials: { accessKeyId: source.accessKeyId, secretAccessKey: source.secretAccessKey },
  });
  try {
    const out = await sts.send(
      new GetSessionTokenCommand({
        SerialNumber: source.mfaSerial,
        TokenCode: tokenCode.trim(),
        DurationSeconds: duration,
      }),
      { abortSignal: options.abortSignal },
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration)
      throw new Error("GetSessionToken returned no credentials");
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: new Date(c.Expiration),
    };
  } catch (error) {
    throw new AwsCallError(classifyAwsError(error, context), { cause: error });
  } finally {
    sts.destroy();
  }
}
