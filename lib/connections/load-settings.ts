import "server-only";
import type { AwsConnectionSettings } from "../aws/settings";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { parseStoredConfig, toStoredConfig } from "./schemas";
import { decryptSecrets } from "./secret-columns";
import { toAwsSettings } from "./to-settings";

// The decrypted settings of a saved connection, for the collector. Never send these to a page.
export async function loadConnectionSettings(id: string): Promise<{ name: string; settings: AwsConnectionSettings }> {
  const row = await getDb().connection.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Connection not found");
  const input = parseStoredConfig(row.name, row.config);
  return { name: row.name, settings: toAwsSettings(toStoredConfig(input), decryptSecrets(row)) };
}
