import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readOrCreateSecretFile } from "../config/data-file";
import { ConfigurationError, getEnv } from "../env";

// Master keys for stored secrets. Format: comma-separated `<version>:<base64 of 32 bytes>`,
// newest first; a bare base64 key means version 1. Older versions stay to decrypt values not
// yet re-encrypted (`npm run keys -- rotate`). From CIRRUS_MASTER_KEY, else data/master.key.
export type Keyring = { current: number; keys: Map<number, Buffer> };

const KEY_BYTES = 32;
export const KEY_FILE_NAME = "master.key";

export function parseKeyring(spec: string, source: string): Keyring {
  const keys = new Map<number, Buffer>();
  const entries = spec
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new ConfigurationError(`${source} is empty`);
  for (const entry of entries) {
    const match = /^(?:(\d+):)?([A-Za-z0-9+/=_-]+)$/.exec(entry);
    const key = match ? Buffer.from(match[2], "base64") : Buffer.alloc(0);
    if (!match || key.length !== KEY_BYTES) {
      throw new ConfigurationError(
        `${source} is malformed: each key must be [<version>:]<base64 of ${KEY_BYTES} random bytes> ` +
          "(generate one with `openssl rand -base64 32`)",
      );
    }
    const version = match[1] ? Number(match[1]) : 1;
    if (keys.has(version)) throw new ConfigurationError(`${source} lists key version ${version} twice`);
    keys.set(version, key);
  }
  const [first] = entries;
  const current = /^(\d+):/.exec(first)?.[1];
  return { current: current ? Number(current) : 1, keys };
}

export function generateKeySpec(version = 1): string {
  return `${version}:${crypto.randomBytes(KEY_BYTES).toString("base64")}`;
}

export function keyFilePath(): string {
  return path.join(getEnv().dataDir, KEY_FILE_NAME);
}

let cached: Keyring | undefined;

export function getKeyring(): Keyring {
  if (cached) return cached;
  const fromEnv = getEnv().CIRRUS_MASTER_KEY;
  cached = fromEnv
    ? parseKeyring(fromEnv, "CIRRUS_MASTER_KEY")
    : parseKeyring(readOrCreateSecretFile(keyFilePath(), generateKeySpec), keyFilePath());
  return cached;
}

// For key rotation: forget the cached keyring after the key file changed.
export function resetKeyringCache(): void {
  cached = undefined;
}

// Rotation with a file-managed key: prepend a new version, keep the old ones (values still
// encrypted with them must stay readable). Written to a temp file and renamed: never half a file.
export function addKeyVersionToFile(): number {
  const file = keyFilePath();
  const current = getKeyring();
  const next = Math.max(...current.keys.keys()) + 1;
  const entries = fs.readFileSync(file, "utf8").trim();
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${generateKeySpec(next)},${entries}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
  resetKeyringCache();
  return next;
}
