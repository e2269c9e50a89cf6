import "server-only";
import { applyMigrations } from "../db";
import { getEnv } from "../env";
import { getAuthSecret } from "../auth/auth-secret";
import { getKeyring } from "../crypto/keyring";
import { verifyMasterKeys } from "../crypto/verify-master-keys";
import { ensureFirstAdmin } from "./first-admin";
import { startScheduler } from "../collector/schedule/scheduler";
import { abortStaleRuns } from "../collector/runs/lifecycle";
import { startCollectionRuntime } from "../collector/jobs/runtime";
import { appTakesJobs } from "../collector/start-run";

// Start-up, once per server process (instrumentation.ts): validate configuration and keys,
// migrate the database, make sure there is a way to get a first admin.
export async function startServer(): Promise<void> {
  const { publicUrl } = getEnv();
  getAuthSecret();
  getKeyring();
  applyMigrations();
  // A wrong but well-formed master key stops here, naming its version (lib/crypto/key-check.ts).
  await verifyMasterKeys();
  const outcome = await ensureFirstAdmin();
  if (typeof outcome === "object") {
    console.log(`[cirrus] No users yet. Open ${publicUrl}/setup and enter the setup token: ${outcome.setupToken}`);
  } else if (outcome === "created-from-env") {
    console.log(`[cirrus] Created the first admin from ADMIN_EMAIL.`);
  }
  // Runs of an earlier version left "running" by a process that died are marked aborted; runs
  // made of jobs are handed on by the collection runtime's reaper (from its first pass, now).
  const aborted = await abortStaleRuns();
  if (aborted) console.log(`[cirrus] Marked ${aborted} interrupted run(s) as aborted.`);
  const runtime = await startCollectionRuntime("app", appTakesJobs());
  if (getEnv().SCHEDULER === "on") await startScheduler(runtime);
}

// A malformed key or an unreachable database must stop start-up, not half-start.
export async function startServerOrExit(): Promise<void> {
  try {
    await startServer();
  } catch (error) {
    console.error(`[cirrus] Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
