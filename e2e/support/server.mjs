// Serves the production build for e2e on a fresh data directory and embedded database, with
// the first admin from ADMIN_EMAIL/ADMIN_PASSWORD (the automation path). Refuses to run
// against anything but a local, throwaway database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

if (process.env.DATABASE_URL && !/^file:/.test(process.env.DATABASE_URL)) {
  console.error("e2e refuses a non-local DATABASE_URL");
  process.exit(1);
}
const port = process.env.E2E_PORT ?? "3210";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-e2e-"));
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: "",
    DATA_DIR: dataDir,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    ADMIN_EMAIL: "e2e-admin@example.test",
    ADMIN_PASSWORD: "e2e admin passphrase 42",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
const stop = () => {
  child.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
};
process.on("SIGTERM", () => (stop(), process.exit(0)));
process.on("SIGINT", () => (stop(), process.exit(0)));
child.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
