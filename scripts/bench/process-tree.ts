// CPU time of a process and everything under it, from /proc. A launcher may run the real work in
// a child (scripts/run-ts.mjs spawns a second node; the PostgreSQL postmaster forks a backend
// per connection), so the figure is the tree's: each live process's own utime + stime, plus
// cutime + cstime, the CPU of descendants that already exited and were waited for. Linux only.
import fs from "node:fs";

const CLOCK_TICKS = 100; // USER_HZ on Linux

type Stat = { pid: number; ppid: number; comm: string; cpuTicks: number };

function readStat(pid: number): Stat | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    // Fields after the command name: state is the 3rd field of the line, so ppid (4th) is [1],
    // utime, stime, cutime, cstime (14th-17th) are [11]-[14].
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return { pid, ppid: Number(fields[1]), comm, cpuTicks: ticks };
  } catch {
    return null; // exited between the listing and the read
  }
}

function allProcesses(): Stat[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== null);
}

/** CPU ms of the tree rooted at pid; NaN when pid is gone. */
export function treeCpuMs(rootPid: number): number {
  const processes = allProcesses();
  if (!processes.some((p) => p.pid === rootPid)) return NaN;
  const children = new Map<number, Stat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let ticks = 0;
  const pending = [processes.find((p) => p.pid === rootPid)!];
  while (pending.length) {
    const p = pending.pop()!;
    ticks += p.cpuTicks;
    pending.push(...(children.get(p.pid) ?? []));
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/** The PostgreSQL server listening on this port: the "postgres" process started with `-p port`. */
export function findPostmaster(port: number): number | null {
  for (const p of allProcesses()) {
    if (p.comm !== "postgres") continue;
    try {
      const args = fs.readFileSync(`/proc/${p.pid}/cmdline`, "utf8").split("\0");
      const at = args.indexOf("-p");
      if (at >= 0 && args[at + 1] === String(port)) return p.pid;
    } catch {
      // exited meanwhile
    }
  }
  return null;
}
