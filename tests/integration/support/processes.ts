// Child processes for the jobs-*.test.ts and collector-crash suites: Cirrus entry points run as
// separate processes against the test database (they inherit DATABASE_URL, DATA_DIR and the
// master key through the environment), with their output kept for assertions and diagnosis.
import { spawn, type ChildProcess } from "node:child_process";

export type Started = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

// Detached: the process and the tsx child run-ts.mjs starts form one group, so a kill reaches both.
export function startScript(script: string, args: string[] = [], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ["scripts/run-ts.mjs", script, ...args], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

// Resolves once every process of the group is gone (not only run-ts.mjs, whose exit comes first):
// the next process must find the collector's pid dead, as it would after a real crash.
export async function killGroup(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  const group = -started.child.pid!;
  const signalGroup = (which: NodeJS.Signals | 0) => {
    try {
      process.kill(group, which);
      return true;
    } catch {
      return false;
    }
  };
  signalGroup(signal);
  const code = await started.exited;
  await waitFor(async () => !signalGroup(0), "the process group to end", 15_000);
  return code;
}

// Polls until the probe yields something (the simulator runs in this process: never block).
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
