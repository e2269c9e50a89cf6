import os from "node:os";

// How often a process taking jobs records that it is alive, and how long without a record
// before its jobs are handed to another process. A process on this host whose pid is gone is
// dead at once (kill -9 and restart need not wait for the timeout).
export const WORKER_HEARTBEAT_MS = 5_000;
export const WORKER_STALE_MS = 30_000;

export function isWorkerAlive(worker: { host: string; pid: number; heartbeatAt: Date }, now = new Date()): boolean {
  if (now.getTime() - worker.heartbeatAt.getTime() > WORKER_STALE_MS) return false;
  if (worker.host !== os.hostname()) return true;
  return pidAlive(worker.pid);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
