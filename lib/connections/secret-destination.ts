import type { FieldErrors } from "../errors";
import type { StoredConfig } from "./schemas";
import type { ConnectionSecrets } from "./to-settings";

// A stored secret may only ever be sent where it was stored to go (SECURITY.md 4a). The AWS
// secrets (secret key, session token, MFA session) go to the endpoint, through the proxy (which
// sees the requests whole when the endpoint is plain http), for one key in one partition. The
// proxy password goes to the proxy. When an edit or an unsaved test changes that destination,
// the stored values are not used and the admin has to type them again.
type Destination = Pick<StoredConfig, "partition" | "credentialSource" | "accessKeyId" | "endpointUrl" | "proxyUrl">;

export type StoredSecretFlags = { secretAccessKey: boolean; sessionToken: boolean; proxyPassword: boolean };

// What the admin typed: new secret values and the "remove" ticks.
type Typed = Pick<ConnectionSecrets, "secretAccessKey" | "sessionToken" | "proxyPassword"> & {
  clearSessionToken: boolean;
  clearProxyPassword: boolean;
};

export function awsDestinationKept(before: Destination, after: Destination): boolean {
  return (
    before.partition === after.partition &&
    before.credentialSource === after.credentialSource &&
    before.accessKeyId === after.accessKeyId &&
    (before.endpointUrl ?? "") === (after.endpointUrl ?? "") &&
    (before.proxyUrl ?? "") === (after.proxyUrl ?? "")
  );
}

export function proxyDestinationKept(before: Destination, after: Destination): boolean {
  return (before.proxyUrl ?? "") === (after.proxyUrl ?? "");
}

// The stored secrets that may be used with the new configuration; the others are dropped.
export function reusableSecrets(before: Destination, after: Destination, stored: ConnectionSecrets): ConnectionSecrets {
  const aws = awsDestinationKept(before, after);
  return {
    secretAccessKey: aws ? stored.secretAccessKey : undefined,
    sessionToken: aws ? stored.sessionToken : undefined,
    mfaSession: aws ? stored.mfaSession : undefined,
    proxyPassword: proxyDestinationKept(before, after) ? stored.proxyPassword : undefined,
  };
}

// Field errors for each stored secret that the new destination needs but that was neither typed
// again nor removed. Empty when nothing is missing.
export function secretsToReenter(
  before: Destination,
  after: Destination & Typed,
  stored: StoredSecretFlags,
): FieldErrors {
  const errors: FieldErrors = {};
  const usesKey = after.credentialSource === "access-key";
  if (usesKey && !awsDestinationKept(before, after)) {
    const why = awsChangeReason(before, after);
    if (stored.secretAccessKey && !after.secretAccessKey)
      errors.secretAccessKey = [`${why}: enter the secret access key again`];
    if (stored.sessionToken && !after.sessionToken && !after.clearSessionToken) {
      errors.sessionToken = [`${why}: enter the session token again, or remove it`];
    }
  }
  if (
    after.proxyUrl &&
    !proxyDestinationKept(before, after) &&
    stored.proxyPassword &&
    !after.proxyPassword &&
    !after.clearProxyPassword
  ) {
    errors.proxyPassword = ["The proxy changed: enter the proxy password again, or remove it"];
  }
  return errors;
}

function awsChangeReason(before: Destination, after: Destination): string {
  if (before.credentialSource !== after.credentialSource || before.accessKeyId !== after.accessKeyId)
    return "The access key ID changed";
  if (before.partition !== after.partition) return "The partition changed";
  if ((before.endpointUrl ?? "") !== (after.endpointUrl ?? "")) return "The endpoint changed";
  return "The proxy changed";
}
