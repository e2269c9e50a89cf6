import "server-only";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { parseStoredConfig, type StoredConfig } from "./schemas";

export type ConnectionStatus = {
  schedulable: boolean;
  // Why scheduled runs would not start, in words for the list and detail pages.
  attention: string | null;
  mfaSessionExpiresAt: string | null;
};

export type ConnectionSummary = ConnectionStatus & {
  id: string;
  name: string;
  enabled: boolean;
  schedule: string | null;
  lastTestAt: string | null;
  lastTestOutcome: string | null;
};

// Admin view: the configuration with secrets reduced to "configured" flags.
export type ConnectionDetail = ConnectionSummary & {
  config: StoredConfig;
  secrets: { secretAccessKey: boolean; sessionToken: boolean; proxyPassword: boolean };
  lastTestReport: unknown;
  configChangedAt: string;
  createdAt: string;
};

type StatusRow = {
  config: string;
  name: string;
  enabled: boolean;
  schedule: string | null;
  configChangedAt: Date;
  lastTestPassedAt: Date | null;
  mfaSessionExpiresAt: Date | null;
};

export function connectionStatus(row: StatusRow, now = new Date()): ConnectionStatus {
  const config = parseStoredConfig(row.name, row.config);
  const tested = row.lastTestPassedAt !== null && row.lastTestPassedAt >= row.configChangedAt;
  const usesMfa = config.credentialSource === "access-key" && !!config.mfaSerial;
  const mfaLive = row.mfaSessionExpiresAt !== null && row.mfaSessionExpiresAt > now;
  const attention = !tested
    ? "Not tested since the last edit: run Test connection"
    : usesMfa && !mfaLive
      ? "MFA session expired: enter a code"
      : null;
  return {
    schedulable: tested && !!row.schedule && row.enabled && (!usesMfa || mfaLive),
    attention,
    mfaSessionExpiresAt: usesMfa ? (row.mfaSessionExpiresAt?.toISOString() ?? null) : null,
  };
}

const summarySelect = {
  id: true,
  name: true,
  config: true,
  enabled: true,
  schedule: true,
  configChangedAt: true,
  lastTestAt: true,
  lastTestOutcome: true,
  lastTestPassedAt: true,
  mfaSessionExpiresAt: true,
} as const;

export async function listConnections(): Promise<ConnectionSummary[]> {
  const rows = await getDb().connection.findMany({ orderBy: { name: "asc" }, select: summarySelect });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    schedule: row.schedule,
    lastTestAt: row.lastTestAt?.toISOString() ?? null,
    lastTestOutcome: row.lastTestOutcome,
    ...connectionStatus(row),
  }));
}

export async function getConnectionDetail(id: string): Promise<ConnectionDetail> {
  const row = await getDb().connection.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      secretAccessKeyEnc: true,
      sessionTokenEnc: true,
      proxyPasswordEnc: true,
      lastTestReport: true,
      createdAt: true,
    },
  });
  if (!row) throw new NotFoundError("Connection not found");
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { name, ...config } = parseStoredConfig(row.name, row.config);
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    schedule: row.schedule,
    lastTestAt: row.lastTestAt?.toISOString() ?? null,
    lastTestOutcome: row.lastTestOutcome,
    ...connectionStatus(row),
    config: config as StoredConfig,
    secrets: {
      secretAccessKey: row.secretAccessKeyEnc !== null,
      sessionToken: row.sessionTokenEnc !== null,
      proxyPassword: row.proxyPasswordEnc !== null,
    },
    lastTestReport: row.lastTestReport ? JSON.parse(row.lastTestReport) : null,
    configChangedAt: row.configChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
