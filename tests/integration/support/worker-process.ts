// `npm run worker` as the tests run it: `node scripts/run-ts.mjs scripts/worker.ts` with the
// test's database and DATA_DIR (so the same master key), in a process group of its own so
// that nothing it started outlives the test. run-ts.mjs starts the worker as its child and
// exits with the worker's code, so signals meant for the worker go to the worker's own pid
// (read from its worker id, host:pid:random), never to the wrapper.
import { spawn, type ChildProcess } from "node:child_process";

export type WorkerExit = { code: number | null; signal: NodeJS.Signals | null };

export type WorkerProcess = {
  // The id the worker records in the Worker table and on the RunJobs it claims.
  workerId: string;
  // The worker's own process (the wrapper's child).
  pid: number;
  stderr: () => string;
  // Settles when the wrapper exits, i.e. after the worker did (its code is the worker's).
  exited: Promise<WorkerExit>;
  signal: (signal: NodeJS.Signals) => void;
};

const READY_TIMEOUT_MS = 120_000;
const started = new Set<ChildProcess>();
// Every group ever started: a worker may outlive its wrapper if the wrapper alone was killed.
const groups = new Set<number>();

function spawnWorker(env: Record<string, string>): {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<WorkerExit>;
} {
  const child = spawn(process.execPath, ["scripts/run-ts.mjs", "scripts/worker.ts"], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...env },
  });
  started.add(child);
  groups.add(child.pid!);
  let text = "";
  child.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<WorkerExit>((resolve) =>
    child.once("exit", (code, signal) => {
      started.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, stderr: () => text, exited };
}

// Starts a worker and waits until it takes jobs (its "taking collection jobs" line).
export async function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const { stderr, exited } = spawnWorker(env);
  const until = Date.now() + READY_TIMEOUT_MS;
  let gone: WorkerExit | null = null;
  void exited.then((exit) => (gone = exit));
  for (;;) {
    const ready = /\[worker\] (\S+) taking collection jobs/.exec(stderr());
    if (ready) {
      const workerId = ready[1];
      const pid = Number(workerId.split(":").at(-2));
      return {
        workerId,
        pid,
        stderr,
        exited,
        signal: (signal) => process.kill(pid, signal),
      };
    }
    if (gone) throw new Error(`worker exited before taking jobs (${JSON.stringify(gone)}):\n${stderr()}`);
    if (Date.now() > until) throw new Error(`worker not ready within ${READY_TIMEOUT_MS} ms:\n${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Runs a worker that is expected to end by itself (e.g. refusing to start) and returns how.
export async function runWorkerToExit(env: Record<string, string> = {}): Promise<WorkerExit & { stderr: string }> {
  const { stderr, exited } = spawnWorker(env);
  return { ...(await exited), stderr: stderr() };
}

// Kills every worker process group this module started and still running (afterEach/afterAll:
// a failed test must not leave workers taking the next test's jobs).
export async function killAllWorkers(): Promise<void> {
  const running = [...started].map(
    (child) =>
      new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve()))),
  );
  for (const group of groups) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // ESRCH: nothing of that group is left.
    }
    groups.delete(group);
  }
  await Promise.all(running);
}
