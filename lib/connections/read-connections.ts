import "server-only";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { nextRunAt } from "./schedule";
import { parseStoredConfig, type StoredConfig } from "./schemas";

// active: scheduled runs start; paused: an admin paused them; waiting: a passing test (or a
// fresh MFA session) is missing; off: no schedule, manual runs only.
export type ScheduleState = "active" | "paused" | "waiting" | "off";

export type ConnectionStatus = {
  schedulable: boolean;
  scheduleState: ScheduleState;
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
  // The next scheduled start (UTC) while the schedule is active.
  nextRunAt: string | null;
  lastRun: { id: string; status: string; createdAt: string; finishedAt: string | null; items: number } | null;
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
  const schedulable = tested && !!row.schedule && row.enabled && (!usesMfa || mfaLive);
  return {
    schedulable,
    scheduleState: !row.schedule ? "off" : !row.enabled ? "paused" : schedulable ? "active" : "waiting",
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

type SummaryRow = StatusRow & { id: string; lastTestAt: Date | null; lastTestOutcome: string | null };

async function toSummary(row: SummaryRow, now = new Date()): Promise<ConnectionSummary> {
  const status = connectionStatus(row, now);
  const lastRun = await getDb().run.findFirst({
    where: { connectionId: row.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, createdAt: true, finishedAt: true, items: true },
  });
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    schedule: row.schedule,
    lastTestAt: row.lastTestAt?.toISOString() ?? null,
    lastTestOutcome: row.lastTestOutcome,
    ...status,
    nextRunAt: status.scheduleState === "active" ? (nextRunAt(row.schedule!, now)?.toISOString() ?? null) : null,
    lastRun: lastRun
      ? {
          ...lastRun,
          createdAt: lastRun.createdAt.toISOString(),
          finishedAt: lastRun.finishedAt?.toISOString() ?? null,
        }
      : null,
  };
}

export async function listConnections(): Promise<ConnectionSummary[]> {
  const rows = await getDb().connection.findMany({ orderBy: { name: "asc" }, select: summarySelect });
  return Promise.all(rows.map((row) => toSummary(row)));
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
    ...(await toSummary(row)),
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
