import type { Keyring } from "./keyring";
import { decryptSecret, encryptSecret, keyVersionOf } from "./secret-box";

// A key-check value per master key version: the encryption of a fixed constant under that
// version, kept in the Setting table. At start-up each configured version must decrypt its
// check value; a wrong but well-formed key then stops start-up with a message naming the
// version, instead of every stored secret failing later with "Something went wrong".
const KEY_CHECK_PLAINTEXT = "cirrus master key check";

export const keyCheckSettingKey = (version: number) => `crypto.key-check.${version}`;

export function createKeyCheck(keyring: Keyring, version: number): string {
  return encryptSecret(KEY_CHECK_PLAINTEXT, { current: version, keys: keyring.keys });
}

// True when `stored` (a check value, or any stored secret) was written with this keyring's key
// of the same version.
export function keyOpens(stored: string, keyring: Keyring, expected?: string): boolean {
  const version = keyVersionOf(stored);
  if (version === undefined || !keyring.keys.has(version)) return false;
  try {
    const plaintext = decryptSecret(stored, keyring);
    return expected === undefined || plaintext === expected;
  } catch {
    return false;
  }
}

export function keyCheckHolds(check: string, keyring: Keyring): boolean {
  return keyOpens(check, keyring, KEY_CHECK_PLAINTEXT);
}
