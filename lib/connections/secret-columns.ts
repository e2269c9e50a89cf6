import "server-only";
import type { TemporaryCredentials } from "../aws/settings";
import { decryptSecret, encryptSecret } from "../crypto";
import type { ConnectionSecrets } from "./to-settings";

// The encrypted columns of a Connection row and how each maps to a secret. Key rotation walks
// this list too, so a new secret column only needs adding here.
export const ENCRYPTED_COLUMNS = [
  "secretAccessKeyEnc",
  "sessionTokenEnc",
  "proxyPasswordEnc",
  "mfaSessionEnc",
] as const;
export type EncryptedColumn = (typeof ENCRYPTED_COLUMNS)[number];
export type EncryptedRow = { [K in EncryptedColumn]: string | null };

const decryptOptional = (value: string | null) => (value ? decryptSecret(value) : undefined);

export function decryptSecrets(row: EncryptedRow): ConnectionSecrets {
  const mfa = decryptOptional(row.mfaSessionEnc);
  return {
    secretAccessKey: decryptOptional(row.secretAccessKeyEnc),
    sessionToken: decryptOptional(row.sessionTokenEnc),
    proxyPassword: decryptOptional(row.proxyPasswordEnc),
    mfaSession: mfa ? parseMfaSession(mfa) : undefined,
  };
}

export function encryptOptional(value: string | undefined): string | null {
  return value ? encryptSecret(value) : null;
}

export function encryptMfaSession(session: TemporaryCredentials): string {
  return encryptSecret(JSON.stringify({ ...session, expiration: session.expiration.toISOString() }));
}

function parseMfaSession(json: string): TemporaryCredentials {
  const parsed = JSON.parse(json) as Omit<TemporaryCredentials, "expiration"> & { expiration: string };
  return { ...parsed, expiration: new Date(parsed.expiration) };
}
