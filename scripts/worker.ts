// `npm run worker`: a process that takes collection jobs from the queue (PostgreSQL; start any
// number, on any machine that reaches the database). SIGTERM or SIGINT drains: jobs in flight
// get WORKER_DRAIN_SECONDS to finish, then are handed back for another worker. docs/scale-out.md.
import { startCollectionRuntime } from "../lib/collector/jobs/runtime";
import { getDatabaseTarget, disconnectDb } from "../lib/db";
import { getEnv } from "../lib/env";
import { verifyMasterKeys } from "../lib/crypto/verify-master-keys";
import { openDatabaseForCli } from "./cli/database";

openDatabaseForCli("worker");
if (getDatabaseTarget().provider !== "postgresql") {
  console.error(
    "[worker] Workers share runs through PostgreSQL: set DATABASE_URL=postgresql://... . With the embedded SQLite database the web app runs collections itself; no worker is needed.",
  );
  process.exit(1);
}
await verifyMasterKeys().catch((error: unknown) => {
  console.error(`[worker] Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const env = getEnv();
const runtime = await startCollectionRuntime("worker", true);
console.error(`[worker] ${runtime.workerId} taking collection jobs (WORKER_CONCURRENCY=${env.WORKER_CONCURRENCY})`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`[worker] ${signal}: draining (up to ${env.WORKER_DRAIN_SECONDS} s)`);
  await runtime.close(env.WORKER_DRAIN_SECONDS * 1000);
  await disconnectDb();
  console.error("[worker] stopped");
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
