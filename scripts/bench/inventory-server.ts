// The production build the inventory bench serves: built into .next-bench (beside the main
// .next, which other tools use) when missing or older than the sources, then `next start` on a
// free port with the bench's DATA_DIR / DATABASE_URL. The server process's memory is read from
// /proc so the export's RSS is the server's own.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { buildState, newestMtime } from "../app-build.mjs";
import { freePort } from "../throwaway-postgres.mjs";

export const DIST_DIR = ".next-bench";
const NEXT_BIN = "node_modules/next/dist/bin/next";
// `next build` rewrites these to list its build folder's types; the bench puts them back.
const REWRITTEN_BY_BUILD = ["tsconfig.json", "next-env.d.ts"];

export type BuildOutcome = { built: boolean; ms: number; reason: string };

/** Builds into .next-bench when it is missing or older than the sources (as scripts/demo.mjs decides). */
export function ensureBuild(log: (line: string) => void, allowStale: boolean, logFile: string): BuildOutcome {
  const state = buildState(DIST_DIR);
  const exists = state !== "missing";
  const stale = state === "stale";
  if (exists && (!stale || allowStale))
    return { built: false, ms: 0, reason: stale ? "stale build kept (--no-build)" : "build is current" };
  // Prisma clients older than a schema would build against the old models.
  const generated = "lib/db/generated/sqlite/client.ts";
  if (
    !fs.existsSync(generated) ||
    newestMtime(["prisma/sqlite/schema.prisma", "prisma/postgresql/schema.prisma"]) > fs.statSync(generated).mtimeMs
  ) {
    log("[bench] generating the Prisma clients (the schemas are newer)");
    const generate = spawnSync(process.execPath, ["scripts/db-generate.mjs"], {
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
    });
    if (generate.status !== 0) throw new Error(`scripts/db-generate.mjs failed:\n${generate.stderr}`);
  }
  log(
    `[bench] building the app into ${DIST_DIR} (${exists ? "sources changed" : "no build yet"}; a minute or two; log ${logFile})`,
  );
  const saved = REWRITTEN_BY_BUILD.map(
    (file) => [file, fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null] as const,
  );
  const started = performance.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const [file, text] of saved)
    if (text !== null && fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  fs.writeFileSync(logFile, `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0)
    throw new Error(
      `next build failed (exit ${result.status}); the end of its output:\n${`${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-30).join("\n")}`,
    );
  return { built: true, ms: performance.now() - started, reason: exists ? "sources changed" : "no build yet" };
}

export type ServerMemory = { rssMb: number; hwmMb: number };

export type BenchServer = {
  url: string;
  pid: number;
  startMs: number;
  memory(): ServerMemory;
  /** Resets the kernel's peak-RSS mark (VmHWM) of the server process; false if refused. */
  resetPeak(): boolean;
  stop(): Promise<void>;
};

export function readMemory(pid: number): ServerMemory {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb("VmRSS") / 1024, hwmMb: kb("VmHWM") / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

// `next start` serves from its own process today; should a version fork a worker, the process
// that holds the most memory among it and its descendants is the server.
function serverPidOf(rootPid: number): number {
  const children = (pid: number): number[] => {
    try {
      return fs
        .readdirSync(`/proc/${pid}/task`)
        .flatMap((task) =>
          fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
        );
    } catch {
      return [];
    }
  };
  const all: number[] = [];
  const walk = (pid: number) => {
    all.push(pid);
    children(pid).forEach(walk);
  };
  walk(rootPid);
  return all.reduce((best, pid) => (readMemory(pid).rssMb > readMemory(best).rssMb ? pid : best), rootPid);
}

export async function startBenchServer(
  env: { dataDir: string; databaseUrl: string },
  logFile: string,
): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      DATA_DIR: env.dataDir,
      DATABASE_URL: env.databaseUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64"),
      NEXTAUTH_URL: url,
      SCHEDULER: "off",
      ADMIN_EMAIL: "",
      ADMIN_PASSWORD: "",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
  });
  const log = fs.createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exit: string | null = null;
  child.once("exit", (code, signal) => (exit = signal ? `signal ${signal}` : `code ${code}`));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let attempt = 0; ; attempt++) {
    if (exit) throw new Error(`next start exited (${exit}) before it answered; see ${logFile}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (attempt > 240) {
      await stop();
      throw new Error(`next start did not answer /api/health within 60 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const startMs = performance.now() - started;
  const pid = serverPidOf(child.pid!);
  return {
    url,
    pid,
    startMs,
    memory: () => readMemory(pid),
    resetPeak: () => {
      try {
        fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
        return true;
      } catch {
        return false;
      }
    },
    stop,
  };
}
