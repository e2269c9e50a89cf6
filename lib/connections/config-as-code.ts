import "server-only";
import { z } from "zod";
import { getDb } from "../db";
import { ValidationError } from "../errors";
import { generateExternalId } from "./external-id";
import { unknownKeysMessage } from "./field-rules";
import { parseStoredConfig, type ConnectionInput } from "./schemas";

type SecretKey = "secretAccessKey" | "sessionToken" | "proxyPassword" | "clearSessionToken" | "clearProxyPassword";
import { createConnection, updateConnection } from "./save-connection";

// `npm run connections -- import <file>` / `export` (docs/connections.md). The file holds
// { "connections": [ { "name": …, …form fields, optional secrets } ] }; a connection whose name
// exists is updated (absent secrets keep the stored ones), others are created. Unknown keys, at
// the top or in an entry, are refused by name: a misspelled field must not silently fall back
// to its default (a dropped `endpointUrl` would send the connection to real AWS).
const entriesSchema = z.array(z.record(z.string(), z.unknown()));
const fileSchema = z.strictObject(
  { connections: entriesSchema },
  { error: (issue) => unknownKeysMessage(issue, ["connections"]) },
);
const FILE_SHAPE = 'Expected { "connections": [ … ] } or an array of connections';

function entriesOf(json: unknown): Record<string, unknown>[] {
  if (Array.isArray(json)) {
    const entries = entriesSchema.safeParse(json);
    if (!entries.success) throw new ValidationError(FILE_SHAPE);
    return entries.data;
  }
  const file = fileSchema.safeParse(json);
  if (file.success) return file.data.connections;
  const unknown = file.error.issues.find((issue) => issue.code === "unrecognized_keys");
  throw new ValidationError(unknown ? `${unknown.message}; ${FILE_SHAPE}` : FILE_SHAPE);
}

export type ImportOutcome = {
  name: string;
  action: "created" | "updated" | "failed";
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** Set when the file gave no external ID for a new connection: the member roles' trust policy needs it. */
  generatedExternalId?: string;
};

// `externalId` may be left out, as in the form: an update keeps the stored one (the member
// roles' trust policies name it), a new connection gets a generated one, which the import reports.
function withExternalId(entry: Record<string, unknown>, existing: { name: string; config: string } | null) {
  if (entry.externalId !== undefined && entry.externalId !== "") return { entry, generated: undefined };
  const kept = existing ? parseStoredConfig(existing.name, existing.config).externalId : undefined;
  const externalId = kept ?? generateExternalId();
  return { entry: { ...entry, externalId }, generated: kept ? undefined : externalId };
}

export async function importConnections(json: unknown): Promise<ImportOutcome[]> {
  const entries = entriesOf(json);
  const context = { actor: null, ip: null };
  const outcomes: ImportOutcome[] = [];
  for (const entry of entries) {
    const name = String(entry.name ?? "");
    try {
      const existing = await getDb().connection.findUnique({
        where: { name },
        select: { id: true, name: true, config: true },
      });
      const { entry: complete, generated } = withExternalId(entry, existing);
      if (existing) await updateConnection(existing.id, complete, context);
      else await createConnection(complete, context);
      outcomes.push({
        name,
        action: existing ? "updated" : "created",
        ...(generated ? { generatedExternalId: generated } : {}),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      outcomes.push({ name, action: "failed", error: error.message, fieldErrors: error.fieldErrors });
    }
  }
  return outcomes;
}

// Every connection's settings, re-importable, with no secret values.
export async function exportConnections() {
  const rows = await getDb().connection.findMany({
    orderBy: { name: "asc" },
    select: { name: true, config: true, schedule: true },
  });
  return {
    connections: rows.map((row) => {
      const config = parseStoredConfig(row.name, row.config);
      return { ...withoutSecrets(config), schedule: row.schedule ?? "" };
    }),
  };
}

function withoutSecrets(config: ConnectionInput): Omit<ConnectionInput, SecretKey> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { secretAccessKey, sessionToken, proxyPassword, clearSessionToken, clearProxyPassword, ...rest } = config;
  return rest;
}
