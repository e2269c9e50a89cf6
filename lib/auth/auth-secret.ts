import crypto from "node:crypto";
import path from "node:path";
import { readOrCreateSecretFile } from "../config/data-file";
import { getEnv } from "../env";

// Signs session tokens. From AUTH_SECRET, else generated once into data/auth-secret (0600).
export function getAuthSecret(): string {
  const env = getEnv();
  return (
    env.AUTH_SECRET ??
    readOrCreateSecretFile(path.join(env.dataDir, "auth-secret"), () => crypto.randomBytes(32).toString("base64"))
  );
}
