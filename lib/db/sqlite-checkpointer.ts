import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

// Copies the WAL back into the database file from a worker thread. Left to SQLite, that copy
// (and its fsync) runs inside whichever connection commits past the autocheckpoint size: during
// a large collection, the main thread spent ~20 % of its time there (bench:collect, issue 5).
// A PASSIVE checkpoint never blocks writers or readers, so it can run beside them.
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { timeout: 0 });
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
}, workerData.intervalMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export type Checkpointer = { stop(): Promise<void> };

export function startCheckpointer(file: string, intervalMs = 100): Checkpointer {
  // Resolved from the project root at run time, as lib/db/migrate.ts does: bundlers rewrite a static require.resolve.
  const driver = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  const worker = new Worker(SOURCE, { eval: true, workerData: { file, module: driver, intervalMs } });
  worker.unref();
  worker.on("error", () => {}); // a failed checkpointer only means SQLite checkpoints inline again
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
        setTimeout(() => void worker.terminate().then(() => resolve()), 2000).unref();
      }),
  };
}
