import "server-only";
import crypto from "node:crypto";
import type { AwsConnectionSettings } from "../aws/settings";
import type { ConnectionTestReport } from "./probe";

// The wizard tests settings that are not saved yet. Their result waits here, keyed by a
// fingerprint of exactly what the test sent to AWS (secrets included, the MFA session and the
// schedule not), until a save stores those same settings: then it becomes the connection's test
// result and the schedule can start without a second test. Any change to what AWS would see
// gives another fingerprint, so the result is not kept.
//
// In memory, per server process: a restart between test and save only means testing again.
// The HMAC key is random per process, so the fingerprints say nothing about the secrets.

type Pending = { report: ConnectionTestReport; testedAt: Date };
type Store = { key: Buffer; entries: Map<string, Pending> };

const KEEP_FOR_MS = 60 * 60_000;
const MAX_ENTRIES = 200;

// Route handlers and server actions may load separate copies of this module: share one store.
const holder = globalThis as typeof globalThis & { __cirrusTestedSettings?: Store };
function store(): Store {
  holder.__cirrusTestedSettings ??= { key: crypto.randomBytes(32), entries: new Map() };
  return holder.__cirrusTestedSettings;
}

export function settingsFingerprint(settings: AwsConnectionSettings): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { mfaSession, ...sent } = settings;
  return crypto.createHmac("sha256", store().key).update(canonicalJson(sent)).digest("hex");
}

export function keepUnsavedTest(settings: AwsConnectionSettings, report: ConnectionTestReport, testedAt = new Date()) {
  const { entries } = store();
  const fingerprint = settingsFingerprint(settings);
  entries.delete(fingerprint);
  entries.set(fingerprint, { report, testedAt });
  for (const [key, entry] of entries) {
    if (entries.size <= MAX_ENTRIES && Date.now() - entry.testedAt.getTime() <= KEEP_FOR_MS) break;
    entries.delete(key);
  }
}

// The kept result for these settings, once: a later save of the same settings needs a new test.
export function takeUnsavedTest(settings: AwsConnectionSettings, now = new Date()): Pending | null {
  const { entries } = store();
  const fingerprint = settingsFingerprint(settings);
  const entry = entries.get(fingerprint);
  entries.delete(fingerprint);
  if (!entry || now.getTime() - entry.testedAt.getTime() > KEEP_FOR_MS) return null;
  return entry;
}

// Key order of objects built by different code paths must not change the fingerprint.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
