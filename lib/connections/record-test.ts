import "server-only";
import { getDb } from "../db";
import type { ConnectionTestReport } from "./probe";
import { parseStoredConfig, toStoredConfig } from "./schemas";
import { decryptSecrets, encryptMfaSession } from "./secret-columns";
import { takeUnsavedTest } from "./tested-settings";
import { toAwsSettings } from "./to-settings";

// Stores a Test Connection result on a saved connection whose current settings are the ones
// tested. A pass (with or without warnings) is what lets its schedule run: connectionStatus
// compares lastTestPassedAt with configChangedAt. The wizard's test (kept until save by
// tested-settings.ts), Test connection on the detail page and the command line all record here.
// testedAt is when the checks ran; the pass counts from now, when these settings are the saved ones.
export async function recordConnectionTest(id: string, report: ConnectionTestReport, testedAt = new Date()) {
  const passed = report.outcome !== "failed";
  const now = new Date();
  await getDb().connection.update({
    where: { id },
    data: {
      lastTestAt: testedAt,
      lastTestOutcome: report.outcome,
      lastTestReport: JSON.stringify({ ...report, mfaSession: undefined }),
      ...(passed ? { lastTestPassedAt: now } : {}),
      ...(report.mfaSession
        ? { mfaSessionEnc: encryptMfaSession(report.mfaSession), mfaSessionExpiresAt: report.mfaSession.expiration }
        : {}),
    },
  });
}

// After a save: when the settings now stored are the ones a wizard test used, that result becomes
// the connection's. Answers the kept outcome, or null when there was none for these settings.
export async function adoptKeptTest(id: string): Promise<string | null> {
  const row = await getDb().connection.findUniqueOrThrow({ where: { id } });
  const settings = toAwsSettings(toStoredConfig(parseStoredConfig(row.name, row.config)), {
    ...decryptSecrets(row),
    mfaSession: undefined,
  });
  const kept = takeUnsavedTest(settings);
  if (!kept) return null;
  await recordConnectionTest(id, kept.report, kept.testedAt);
  return kept.report.outcome;
}
