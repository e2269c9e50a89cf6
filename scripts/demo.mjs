// `npm run demo`: from a fresh clone to a running Cirrus on the embedded database, next to the
// local AWS simulator's demo world. Installs dependencies when missing, builds when the sources
// changed, prepares the database and the "Demo organization" connection, starts the app, prints
// how to sign in, then runs a first collection. Uses only Node built-ins until dependencies exist.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";
import { buildState } from "./app-build.mjs";
import { LOOPBACK, demoStartArgs, isLoopbackNetworkLine } from "./next-start.mjs";
import { QUIET_NODE_FLAGS, withQuietEnv } from "./node-warnings.mjs";

const port = Number(process.env.PORT ?? 3000);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 4566);
const url = `http://localhost:${port}`;
const env = withQuietEnv({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
});
const step = (message) => console.error(`[demo] ${message}`);

function runOrExit(command, args) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
  if (result.status !== 0) {
    step(`${command} ${args.join(" ")} failed`);
    process.exit(1);
  }
}

function portIsFree(candidate) {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(candidate, () => server.close(() => resolve(true)));
  });
}

if (!fs.existsSync("node_modules/.package-lock.json")) {
  step("Installing dependencies (npm ci)…");
  runOrExit("npm", ["ci", "--no-audit", "--no-fund"]);
}
runOrExit(process.execPath, ["scripts/db-generate.mjs"]);

if (buildState(".next") !== "current") {
  step("Building the app (about a minute the first time)…");
  runOrExit(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
}

for (const [candidate, variable] of [
  [port, "PORT"],
  [simulatorPort, "SIMULATOR_PORT"],
]) {
  if (!(await portIsFree(candidate))) {
    step(`Port ${candidate} is in use. Stop what is using it, or run ${variable}=${candidate + 1} npm run demo.`);
    process.exit(1);
  }
}

const { runTs, runTsToCompletion } = await import("./run-ts.mjs");
const children = [];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

step(`Starting the AWS simulator (demo world) on port ${simulatorPort}…`);
fs.mkdirSync("data", { recursive: true });
const credentialsFile = path.join("data", "demo-simulator-credentials.json");
const simulator = runTs(
  "simulator/src/cli.ts",
  ["--world", "demo", "--port", String(simulatorPort), "--credentials-out", credentialsFile],
  {
    stdio: ["ignore", "pipe", "inherit"],
    env,
  },
);
children.push(simulator);
await new Promise((resolve, reject) => {
  simulator.stdout.on("data", (chunk) => String(chunk).includes("listening") && resolve());
  simulator.on("exit", (code) => reject(new Error(`the simulator exited with ${code}`)));
});

step("Preparing the embedded database and the Demo organization connection…");
const demo = JSON.parse(
  await runTsToCompletion("scripts/demo-setup.ts", [credentialsFile], { stdio: ["ignore", "pipe", "inherit"], env }),
);

step("Starting Cirrus (on this machine only: 127.0.0.1)…");
const server = spawn(process.execPath, [...QUIET_NODE_FLAGS, ...demoStartArgs(port)], {
  stdio: ["ignore", "pipe", "inherit"],
  env,
});
children.push(server);
// Next labels the listening address "Network:" whenever one is given, although 127.0.0.1 is
// not reachable from the network: drop that line rather than suggest otherwise.
readline.createInterface({ input: server.stdout }).on("line", (line) => {
  if (!isLoopbackNetworkLine(line)) console.log(line);
});
server.on("exit", (code) => {
  stop();
  process.exit(code ?? 0);
});

for (let attempt = 0; attempt < 120; attempt++) {
  const healthy = await fetch(`http://${LOOPBACK}:${port}/api/health`)
    .then((response) => response.ok)
    .catch(() => false);
  if (healthy) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.log(`Sign in at ${url} as ${demo.email} with password ${demo.password}`);
step("Running a first collection of the Demo organization (see Runs)…");
// collect.ts ends its progress with the run's status and, unless it succeeded, why.
runTs("scripts/collect.ts", ["--connection", "Demo organization"], { stdio: ["ignore", "ignore", "inherit"], env }).on(
  "exit",
  (code) => {
    const denied = demo.deniedOnPurpose;
    if (code === 2) {
      step(
        `Partial on purpose: the demo world's role in account ${denied.account} lacks ${denied.action} in ${denied.region}, ` +
          "to show how Cirrus reports a gap (Runs, Coverage, Test connection).",
      );
    } else if (code === 0) step("First collection done: see the Overview.");
    else step("The first collection did not complete: see the lines above and the Runs page.");
  },
);
