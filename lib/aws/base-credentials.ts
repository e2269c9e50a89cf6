import {
  fromContainerMetadata,
  fromEnv,
  fromInstanceMetadata,
  fromNodeProviderChain,
} from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { MfaRequiredError } from "./error-types";
import type { AwsConnectionSettings } from "./settings";

// The credentials a connection starts from, before any role is assumed.
// - Access keys (+ optional session token) as entered.
// - With an MFA device: only the MFA session from GetSessionToken (long-term keys of such a
//   user are typically allowed nothing but GetSessionToken); without a live one, MfaRequiredError.
// - Ambient: whatever the host provides (IMDSv2, container role, environment, default chain);
//   nothing is stored, and the SDK providers refresh these themselves.

const MFA_SESSION_MARGIN_MS = 60_000;

export function baseCredentialProvider(
  settings: AwsConnectionSettings,
  options: { timeoutMs: number; now?: () => number },
): AwsCredentialIdentityProvider {
  const source = settings.credentials;
  const now = options.now ?? Date.now;
  if (source.kind === "access-key") {
    if (source.mfaSerial) {
      return async () => {
        const session = settings.mfaSession;
        if (!session) throw new MfaRequiredError("missing");
        if (session.expiration.getTime() - now() < MFA_SESSION_MARGIN_MS) throw new MfaRequiredError("expired");
        return { ...session };
      };
    }
    const identity = {
      accessKeyId: source.accessKeyId,
      secretAccessKey: source.secretAccessKey,
      ...(source.sessionToken ? { sessionToken: source.sessionToken } : {}),
    };
    return async () => identity;
  }
  switch (source.provider) {
    case "instance-profile":
      // IMDSv2 only: a v1 fallback would let any SSRF on the host read the role's keys.
      return fromInstanceMetadata({ timeout: options.timeoutMs, maxRetries: 1, ec2MetadataV1Disabled: true });
    case "container":
      return fromContainerMetadata({ timeout: options.timeoutMs, maxRetries: 1 });
    case "environment":
      return fromEnv();
    case "default-chain":
      return fromNodeProviderChain({ timeout: options.timeoutMs, maxRetries: 1 });
  }
}
