// The scale-out bench's table: one column per worker count, figures, ratios and PASS/MISS from
// the one run (reported, never enforced).
import type { BenchArgs } from "./args";
import type { WorkersColumn } from "./workers-bench";

// CPU per collected instance may grow this much from the first column before it is a MISS:
// more processes poll the queue and hold connections, and on few cores they contend.
export const PER_INSTANCE_CPU_TOLERANCE = 1.25;

const s = (ms: number) => (Number.isNaN(ms) ? "?" : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const x = (ratio: number) => `${ratio.toFixed(2)}x`;
const mark = (ok: boolean) => (ok ? "PASS" : "MISS");
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const n = (value: number) => value.toLocaleString("en");

const workerTotal = (c: WorkersColumn) => sum(c.workerCpuMs);
const perThousand = (c: WorkersColumn) => workerTotal(c) / (c.result.stored.instances / 1000);
const rowsMatch = (c: WorkersColumn) =>
  (["instances", "hosts", "reservedInstances", "dbInstances"] as const).every(
    (key) => c.result.stored[key] === c.expected[key],
  );
// Jobs each started worker finished, in start order (the run's plan job included).
const jobsPerWorker = (c: WorkersColumn) =>
  c.workerIds.map((id) => c.result.byWorker.find((share) => share.workerId === id)?.jobs ?? 0);

export function workersReport(columns: WorkersColumn[], args: BenchArgs, cores: number): string {
  const first = columns[0];
  const rows: [string, (c: WorkersColumn) => string][] = [
    ["workers x WORKER_CONCURRENCY", (c) => `${c.workers} x ${args.workerConcurrency}`],
    ["wall (queue to close)", (c) => s(c.result.wallMs)],
    ["speed-up vs first column", (c) => x(first.result.wallMs / c.result.wallMs)],
    ["requests (simulator)", (c) => n(c.sim.total)],
    ["requests/s", (c) => ((c.sim.total * 1000) / c.result.wallMs).toFixed(0)],
    ["throttled (simulator)", (c) => n(c.sim.throttled)],
    ["CPU per worker", (c) => c.workerCpuMs.map((ms) => (ms / 1000).toFixed(1)).join(" / ") + " s"],
    ["CPU, all workers", (c) => s(workerTotal(c))],
    ["CPU per 1,000 instances", (c) => `${(perThousand(c) / 1000).toFixed(3)} s`],
    ["  ratio to first column", (c) => x(perThousand(c) / perThousand(first))],
    ["PostgreSQL server CPU", (c) => s(c.postgresCpuMs)],
    ["simulator CPU", (c) => s(c.simCpuMs)],
    ["queueing app CPU", (c) => s(c.queueAppCpuMs)],
    ["run status", (c) => c.result.status],
    ["instances stored / world", (c) => `${n(c.result.stored.instances)} / ${n(c.expected.instances)}`],
    [
      "hosts, RIs, DBs stored / world",
      (c) =>
        `${c.result.stored.hosts}, ${c.result.stored.reservedInstances}, ${c.result.stored.dbInstances} / ${c.expected.hosts}, ${c.expected.reservedInstances}, ${c.expected.dbInstances}`,
    ],
    ["snapshots, run.finished audits", (c) => `${c.result.snapshots}, ${c.result.finishedAuditEntries}`],
    ["jobs per worker", (c) => jobsPerWorker(c).join(" / ")],
    ["jobs claimed more than once", (c) => String(c.result.jobsReclaimed)],
  ];
  const head = ["", ...columns.map((c) => `N=${c.workers}`)];
  const table = rows.map(([label, cell]) => [label, ...columns.map(cell)]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");

  const out = [
    "",
    `=== bench:collect --workers ${columns.map((c) => c.workers).join(",")}: ${args.accounts} accounts x ${args.regions} regions x ${args.instancesPerRegion} instances/region, ${args.latencyMs} ms per call, PostgreSQL, machine cores ${cores} (os.availableParallelism())`,
    line(head),
    ...table.map(line),
    "",
    "Checks:",
  ];
  for (const c of columns) {
    const ratio = perThousand(c) / perThousand(first);
    const jobs = jobsPerWorker(c);
    out.push(
      `  ${mark(ratio <= PER_INSTANCE_CPU_TOLERANCE)}  N=${c.workers}: CPU per 1,000 instances within ${PER_INSTANCE_CPU_TOLERANCE}x of N=${first.workers} (${x(ratio)})`,
      `  ${mark(rowsMatch(c))}  N=${c.workers}: rows stored = the world's instances, hosts, RIs and DBs`,
      `  ${mark(c.result.status === "succeeded" && c.result.scopesFailed === 0)}  N=${c.workers}: run succeeded (${c.result.status}, ${c.result.scopesFailed} of ${c.result.scopesPlanned} scopes failed${c.result.errorMessage ? `: ${c.result.errorMessage}` : ""})`,
      ...Object.entries(c.result.failures).map(
        ([key, failure]) => `        failed ${key} x ${failure.scopes}: ${failure.message ?? "(no message)"}`,
      ),
      `  ${mark(c.result.snapshots === 1 && c.result.finishedAuditEntries === 1)}  N=${c.workers}: closed once (one snapshot, one run.finished audit entry)`,
      `  ${mark(jobs.every((count) => count > 0))}  N=${c.workers}: every worker took jobs (${jobs.join(" / ")} of ${c.result.jobs})`,
    );
  }
  const notes = [
    `CPU is each process tree's utime + stime from /proc (children included), read just before the run is queued and when it closes: process start-up is not counted. "CPU, all workers" is the collector's; PostgreSQL (postmaster and its backends), the simulator and the app that only queues are listed apart.`,
    `each N has a fresh throwaway PostgreSQL and simulator; the app queues with startCollectionRuntime("app", false), so only the worker processes run jobs; a worker runs ${args.workerConcurrency} jobs (one account x region each) at once, the run at most ceil(${args.concurrency} / 4) = ${Math.ceil(args.concurrency / 4)}, an account ACCOUNT_CONCURRENCY (default 4)`,
  ];
  const crowded = columns.filter((c) => c.workers > cores).map((c) => `N=${c.workers}`);
  if (crowded.length)
    notes.push(
      `${crowded.join(", ")}: more worker processes than the machine's ${cores} cores, which they share with PostgreSQL and the simulator: wall time there cannot shrink with N once the cores are busy; CPU per instance is the figure that shows whether adding workers costs extra work.`,
    );
  out.push("Notes:", ...notes.map((note) => `  - ${note}`));
  return `${out.join("\n")}\n`;
}
