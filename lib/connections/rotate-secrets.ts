import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { addKeyVersionToFile, decryptSecret, encryptSecret, getKeyring, keyVersionOf } from "../crypto";
import { verifyMasterKeys } from "../crypto/verify-master-keys";
import { getDb } from "../db";
import { getEnv } from "../env";
import { AUDIT_CONNECTION } from "./audit-actions";
import { ENCRYPTED_COLUMNS, type EncryptedRow } from "./secret-columns";

export type RotationResult = { keyVersion: number; addedKey: boolean; reencrypted: number; rows: number };

// `npm run keys -- rotate`. With a generated key file: adds a new key version, then re-encrypts
// every stored secret under it. With CIRRUS_MASTER_KEY: the operator puts the new key first,
// and this re-encrypts under it. Safe to run twice; if interrupted, the next run first finishes
// re-encrypting under the newest key instead of adding another.
export async function rotateSecrets(): Promise<RotationResult> {
  // A wrong key stops rotation before anything is re-encrypted.
  await verifyMasterKeys();
  const rows = await readEncryptedRows();
  const stale = (keyVersion: number) =>
    rows.some((row) => ENCRYPTED_COLUMNS.some((column) => row[column] && keyVersionOf(row[column]!) !== keyVersion));
  let addedKey = false;
  if (!getEnv().CIRRUS_MASTER_KEY && !stale(getKeyring().current)) {
    addKeyVersionToFile();
    addedKey = true;
  }
  const keyring = getKeyring();
  // The new version's key-check value, written before any secret is encrypted under it.
  if (addedKey) await verifyMasterKeys(keyring);
  let reencrypted = 0;
  for (const row of rows) {
    const updates: Partial<EncryptedRow> = {};
    for (const column of ENCRYPTED_COLUMNS) {
      const value = row[column];
      if (value && keyVersionOf(value) !== keyring.current)
        updates[column] = encryptSecret(decryptSecret(value, keyring), keyring);
    }
    if (Object.keys(updates).length === 0) continue;
    // Only overwrite what is still the value we read: a concurrent edit wins over rotation.
    await getDb().connection.updateMany({ where: { id: row.id, ...pick(row, Object.keys(updates)) }, data: updates });
    reencrypted += Object.keys(updates).length;
  }
  await recordAuditEvent({
    action: AUDIT_CONNECTION.keysRotated,
    details: { keyVersion: keyring.current, addedKey, reencrypted },
  });
  return { keyVersion: keyring.current, addedKey, reencrypted, rows: rows.length };
}

async function readEncryptedRows() {
  return getDb().connection.findMany({
    select: { id: true, secretAccessKeyEnc: true, sessionTokenEnc: true, proxyPasswordEnc: true, mfaSessionEnc: true },
  });
}

function pick(row: EncryptedRow, keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, row[key as keyof EncryptedRow]]));
}
