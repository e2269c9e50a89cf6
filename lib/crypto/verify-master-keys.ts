import "server-only";
import { ENCRYPTED_COLUMNS, type EncryptedRow } from "../connections/secret-columns";
import { getDb } from "../db";
import { ConfigurationError, getEnv } from "../env";
import { createKeyCheck, keyCheckHolds, keyCheckSettingKey, keyOpens } from "./key-check";
import { getKeyring, keyFilePath, type Keyring } from "./keyring";
import { keyVersionOf } from "./secret-box";

export type KeyCheckOutcome = { version: number; outcome: "verified" | "derived" | "written" };

// Start-up (server, collect and keys CLIs): every configured master key version must be the key
// that encrypted the stored secrets. For each version: its check value must decrypt; without one
// (a new version, or an install from before key checks) a stored secret of that version must
// decrypt, and then the check is written; with neither, this is the version's first use and the
// check is written. Stored secrets needing a version that is not configured stop start-up too.
export async function verifyMasterKeys(
  keyring: Keyring = getKeyring(),
  source = keySource(),
): Promise<KeyCheckOutcome[]> {
  const db = getDb();
  const secrets = await storedSecrets();
  const missing = [...new Set(secrets.map((value) => keyVersionOf(value)))].filter(
    (version) => version !== undefined && !keyring.keys.has(version),
  );
  if (missing.length) {
    throw new ConfigurationError(
      `stored secrets need master key version ${missing.join(", ")}, which ${source} does not list; add the key that encrypted them`,
    );
  }
  const outcomes: KeyCheckOutcome[] = [];
  for (const version of [...keyring.keys.keys()].sort((a, b) => a - b)) {
    const key = keyCheckSettingKey(version);
    const stored = await db.setting.findUnique({ where: { key }, select: { value: true } });
    if (stored) {
      if (!keyCheckHolds(stored.value, keyring)) throw mismatch(version, source);
      outcomes.push({ version, outcome: "verified" });
      continue;
    }
    const sample = secrets.find((value) => keyVersionOf(value) === version);
    if (sample !== undefined && !keyOpens(sample, keyring)) throw mismatch(version, source);
    outcomes.push({
      version,
      outcome: (await writeCheck(version, keyring, source)) ? (sample ? "derived" : "written") : "verified",
    });
  }
  return outcomes;
}

function mismatch(version: number, source: string): ConfigurationError {
  return new ConfigurationError(
    `master key version ${version} does not match the key that encrypted the stored secrets: ` +
      `${source} holds another key for version ${version}. Restore the original key (a key is rotated with \`npm run keys -- rotate\`, never replaced).`,
  );
}

// Another process (server and CLI starting together) may write the same version's check first:
// then that one must hold for our key too. Answers whether this call wrote it.
async function writeCheck(version: number, keyring: Keyring, source: string): Promise<boolean> {
  const key = keyCheckSettingKey(version);
  try {
    await getDb().setting.create({ data: { key, value: createKeyCheck(keyring, version) } });
    return true;
  } catch (error) {
    const existing = await getDb().setting.findUnique({ where: { key }, select: { value: true } });
    if (!existing) throw error;
    if (!keyCheckHolds(existing.value, keyring)) throw mismatch(version, source);
    return false;
  }
}

async function storedSecrets(): Promise<string[]> {
  const rows = await getDb().connection.findMany({
    select: { secretAccessKeyEnc: true, sessionTokenEnc: true, proxyPasswordEnc: true, mfaSessionEnc: true },
  });
  return rows.flatMap((row: EncryptedRow) =>
    ENCRYPTED_COLUMNS.flatMap((column) => (row[column] ? [row[column]!] : [])),
  );
}

function keySource(): string {
  return getEnv().CIRRUS_MASTER_KEY ? "CIRRUS_MASTER_KEY" : keyFilePath();
}
