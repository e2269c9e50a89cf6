// The simulator as its own process (as in production, AWS is not inside Cirrus's process), with
// its CPU time and peak memory read from /proc so the bench can tell whose CPU the time went to.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type SimStats = {
  total: number;
  throttled: number;
  errored: number;
  peakConcurrency: number;
  byApi: Record<string, { requests: number; throttled: number; errors: number }>;
};
export type ProcessUsage = { cpuMs: number; peakRssMb: number };

export type SimProcess = {
  url: string;
  pid: number;
  credentialsFile: string;
  /** null while it runs; "code n" or "signal X" once it exited. */
  exited(): string | null;
  stats(): Promise<SimStats>;
  resetStats(): Promise<void>;
  usage(): ProcessUsage;
  stop(): Promise<void>;
};

const TSX_ARGS = ["--conditions=react-server", "--import", "tsx"];
const CLOCK_TICKS = 100; // USER_HZ on Linux

// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every bench process there (NODE_OPTIONS may
// not carry --cpu-prof).
const profileArgs = () =>
  process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

export function tsxProcess(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  stdin: "ignore" | "pipe" = "ignore",
): ChildProcess {
  return spawn(process.execPath, [...profileArgs(), ...TSX_ARGS, script, ...args], {
    stdio: [stdin, "pipe", "pipe"],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...env },
  });
}

export function processUsage(pid: number): ProcessUsage {
  try {
    // Fields after the command name: utime is the 14th field of the line, stime the 15th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return { cpuMs, peakRssMb: hwm ? Number(hwm[1]) / 1024 : NaN };
  } catch {
    return { cpuMs: NaN, peakRssMb: NaN };
  }
}

export async function startSimProcess(
  worldFile: string,
  latencyMs: number,
  credentialsFile: string,
): Promise<SimProcess> {
  const child = tsxProcess("simulator/src/cli.ts", [
    "--world",
    worldFile,
    "--port",
    "0",
    "--latency-ms",
    String(latencyMs),
    "--credentials-out",
    credentialsFile,
  ]);
  let stderr = "";
  let exit: string | null = null;
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.stderr!.pipe(fs.createWriteStream(credentialsFile.replace(/\.credentials\.json$/, ".simulator.log")));
  child.once("exit", (code, signal) => (exit = signal ? `signal ${signal}` : `code ${code}`));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`simulator did not start within 60 s\n${stderr}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Simulator listening on (\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${code}\n${stderr}`));
    });
  });
  const control = async (route: string, method = "GET") => {
    if (exit) throw new Error(`the simulator exited (${exit}) during the bench; its stderr ended with:\n${stderr}`);
    const response = await fetch(`${url}/_sim/${route}`, { method });
    if (!response.ok) throw new Error(`/_sim/${route}: ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  return {
    url,
    pid: child.pid!,
    credentialsFile,
    exited: () => exit,
    stats: async () => (await control("stats")) as SimStats,
    resetStats: async () => void (await control("stats/reset", "POST")),
    usage: () => processUsage(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Runs a TypeScript child to completion and returns the last JSON line it printed on stdout. */
export function runJsonChild<T>(
  script: string,
  args: string[],
  env: Record<string, string>,
  onLine: (line: string) => void,
): Promise<T & { pid: number }> {
  const child = tsxProcess(script, args, env);
  let out = "";
  let errTail = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    errTail = (errTail + text).slice(-4000);
    for (const line of text.split("\n")) if (line.trim()) onLine(line);
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const last = out.trim().split("\n").filter(Boolean).pop();
      if (code !== 0 || !last) return reject(new Error(`${script} exited with ${code}\n${errTail}`));
      resolve({ ...(JSON.parse(last) as T), pid: child.pid! });
    });
  });
}
