// `npm run demo`: from a fresh clone to a running Cirrus on the embedded database.
// Installs dependencies when missing, builds when the sources changed, prepares the database,
// starts the app and prints how to sign in. Uses only Node built-ins until dependencies exist.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const port = Number(process.env.PORT ?? 3000);
const url = `http://localhost:${port}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url };
const step = (message) => console.error(`[demo] ${message}`);

function runOrExit(command, args) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
  if (result.status !== 0) {
    step(`${command} ${args.join(" ")} failed`);
    process.exit(1);
  }
}

function newestMtime(entries) {
  let newest = 0;
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      if (/node_modules|generated|\.next/.test(entry)) return;
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  entries.forEach(visit);
  return newest;
}

function portIsFree() {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

if (!fs.existsSync("node_modules/.package-lock.json")) {
  step("Installing dependencies (npm ci)…");
  runOrExit("npm", ["ci", "--no-audit", "--no-fund"]);
}
runOrExit(process.execPath, ["scripts/db-generate.mjs"]);

const sources = ["app", "components", "lib", "prisma", "instrumentation.ts", "next.config.ts", "package-lock.json"];
const buildId = ".next/BUILD_ID";
if (!fs.existsSync(buildId) || newestMtime(sources) > fs.statSync(buildId).mtimeMs) {
  step("Building the app (about a minute the first time)…");
  runOrExit(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
}

if (!(await portIsFree())) {
  step(`Port ${port} is in use. Stop what is using it, or run PORT=3001 npm run demo.`);
  process.exit(1);
}

const { runTsToCompletion } = await import("./run-ts.mjs");
step("Preparing the embedded database…");
const admin = JSON.parse(await runTsToCompletion("scripts/demo-admin.ts", [], { stdio: ["ignore", "pipe", "inherit"], env }));

step("Starting Cirrus…");
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], { stdio: "inherit", env });
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));

for (let attempt = 0; attempt < 120; attempt++) {
  const healthy = await fetch(`${url}/api/health`).then((response) => response.ok).catch(() => false);
  if (healthy) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.log(`Sign in at ${url} as ${admin.email} with password ${admin.password}`);
