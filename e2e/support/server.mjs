// Serves the production build for e2e on a fresh data directory and embedded database, with
// the first admin from ADMIN_EMAIL/ADMIN_PASSWORD (the automation path), next to the AWS
// simulator's demo world. Refuses anything but a local, throwaway database and endpoint.
// The server's output is also written to e2e/.auth/server.log, which the secret-leak test reads.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

if (process.env.DATABASE_URL && !/^file:/.test(process.env.DATABASE_URL)) {
  console.error("e2e refuses a non-local DATABASE_URL");
  process.exit(1);
}
const port = Number(process.env.E2E_PORT ?? 3210);
const simPort = port + 1;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-e2e-"));
fs.mkdirSync("e2e/.auth", { recursive: true });
const log = fs.createWriteStream("e2e/.auth/server.log");
// Where the server's database is, for specs that set up rows no page creates (e2e/support/database.ts).
fs.writeFileSync("e2e/.auth/database-file", path.join(dataDir, "cirrus.db"));
const children = [];

function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      process.stdout.write(chunk);
      log.write(chunk);
    });
  }
  child.on("exit", (code) => {
    console.error(`[e2e] ${name} exited with ${code}`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

function shutdown(code) {
  for (const child of children) child.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGTERM", () => shutdown(0));
process.on("SIGINT", () => shutdown(0));

const simulator = start("simulator", [
  "--import",
  "tsx",
  "simulator/src/cli.ts",
  "--world",
  "demo",
  "--port",
  String(simPort),
  "--credentials-out",
  "e2e/.auth/simulator-credentials.json",
]);
await new Promise((resolve) =>
  simulator.stdout.on("data", (chunk) => String(chunk).includes("listening") && resolve()),
);

start("next", ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
  DATABASE_URL: "",
  DATA_DIR: dataDir,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  ADMIN_EMAIL: "e2e-admin@example.test",
  ADMIN_PASSWORD: "e2e admin passphrase 42",
  NEXT_TELEMETRY_DISABLED: "1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  // Ambient credentials in e2e come from the simulator's IMDS.
  AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${simPort}`,
});
