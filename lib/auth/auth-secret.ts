import crypto from "node:crypto";
import path from "node:path";
import { readOrCreateSecretFile } from "../config/data-file";
import { ConfigurationError, getEnv } from "../env";

// Same bar as AUTH_SECRET in lib/env.ts: anything shorter signs forgeable session cookies.
export const AUTH_SECRET_MIN = 32;

// Signs session tokens. From AUTH_SECRET, else generated once into data/auth-secret (0600).
// Start-up calls this first (lib/setup/start-server.ts), so a truncated or hand-edited file
// stops the server with the file's name instead of letting forged or broken sessions through.
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  return readAuthSecretFile(path.join(env.dataDir, "auth-secret"));
}

export function readAuthSecretFile(file: string): string {
  const secret = readOrCreateSecretFile(file, () => crypto.randomBytes(32).toString("base64"));
  if (secret.length < AUTH_SECRET_MIN) {
    throw new ConfigurationError(
      `${file} holds ${secret.length === 0 ? "no secret" : `a ${secret.length}-character secret`}; ` +
        `at least ${AUTH_SECRET_MIN} characters are needed. Delete the file to have a new one generated ` +
        `(everyone signs in again), or set AUTH_SECRET.`,
    );
  }
  return secret;
}
