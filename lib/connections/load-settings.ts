import "server-only";
import type { AwsConnectionSettings, TemporaryCredentials } from "../aws/settings";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { parseStoredConfig, toStoredConfig } from "./schemas";
import { decryptSecrets, encryptMfaSession } from "./secret-columns";
import { toAwsSettings } from "./to-settings";

export type ConnectionRecord = { name: string; settings: AwsConnectionSettings; mfaSessionSeconds: number };

// The decrypted settings of a saved connection, for the collector. Never send these to a page.
export async function loadConnectionRecord(id: string): Promise<ConnectionRecord> {
  const row = await getDb().connection.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Connection not found");
  const input = parseStoredConfig(row.name, row.config);
  return {
    name: row.name,
    settings: toAwsSettings(toStoredConfig(input), decryptSecrets(row)),
    mfaSessionSeconds: input.mfaSessionHours * 3600,
  };
}

export async function loadConnectionSettings(id: string): Promise<{ name: string; settings: AwsConnectionSettings }> {
  const { name, settings } = await loadConnectionRecord(id);
  return { name, settings };
}

// A session obtained with a code typed for a manual run: scheduled runs reuse it until it expires.
export async function storeMfaSession(id: string, session: TemporaryCredentials): Promise<void> {
  await getDb().connection.update({
    where: { id },
    data: { mfaSessionEnc: encryptMfaSession(session), mfaSessionExpiresAt: session.expiration },
  });
}
