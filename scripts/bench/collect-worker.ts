// One collection of the bench world, in its own process (fresh DATA_DIR from the parent), so its
// peak RSS and CPU time are the collector's alone. Prints one JSON line on stdout.
// Usage (from bench-collect.ts): collect-worker.ts <endpoint> <credentials.json> <externalId> <concurrency>
// [software-on|software-off] (off unless told: the classic bench's request model has no SSM calls)
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { collectConnection, getRunDetail } from "../../lib/collector";
import { reconcileTotals } from "../../lib/collector/store/reconcile-scope";
import { storeRunSnapshot } from "../../lib/collector/snapshot/store-snapshot";
import { createConnection } from "../../lib/connections/save-connection";
import { applyMigrations, disconnectDb, getDb } from "../../lib/db";
import { profileStages, type StageTimes } from "./cpu-stages";

export type CollectWorkerResult = {
  status: string;
  wallMs: number;
  planMs: number | null;
  scopesPlanned: number;
  scopesFailed: number;
  failures: Record<string, number>;
  storedInstances: number;
  storedManagedNodes: number;
  storedSoftware: number;
  runRequests: number;
  runThrottles: number;
  peakRssMb: number;
  /** Peaks of process.memoryUsage() sampled every second: what the RSS is made of. */
  peakHeapUsedMb: number;
  peakExternalMb: number;
  cpuMs: number;
  eventLoopUtilization: number;
  writeMs: number;
  writes: number;
  slowestScopeMs: number;
  /** storeRunSnapshot alone, timed again after the run (it reads the whole inventory). */
  snapshotMs: number;
  /** The run's main-thread CPU by stage (cpu-stages.ts), ms. */
  stages: StageTimes;
  /** With `rerun`: a second collection of the unchanged world (every row only touched). */
  rerun?: { status: string; wallMs: number; cpuMs: number; writeMs: number };
};

const [endpoint, credentialsFile, externalId, concurrency, software = "software-off", rerun] = process.argv.slice(2);
type Credentials = { users: { accessKeyId: string; secretAccessKey: string }[] };
const creds = JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as Credentials;

applyMigrations();
const { id } = await createConnection(
  {
    name: "bench",
    accessKeyId: creds.users[0].accessKeyId,
    secretAccessKey: creds.users[0].secretAccessKey,
    externalId,
    accountMode: "organizations",
    memberRoleName: "CirrusInventoryRole",
    regionMode: "all-enabled",
    endpointUrl: endpoint,
    concurrency: Number(concurrency),
    schedule: "",
    collectSoftware: software === "software-on",
  },
  { actor: null, ip: null },
);

const memory = { heapUsed: 0, external: 0 };
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  memory.heapUsed = Math.max(memory.heapUsed, usage.heapUsed);
  memory.external = Math.max(memory.external, usage.external);
}, 1000);

await fetch(`${endpoint}/_sim/stats/reset`, { method: "POST" });
const stopProfile = await profileStages();
const cpuBefore = process.cpuUsage();
const eluBefore = performance.eventLoopUtilization();
const started = performance.now();
let planMs: number | null = null;
const result = await collectConnection(
  { connectionId: id, trigger: "cli" },
  {
    runDeadlineMs: 60 * 60_000,
    onProgress: (line) => {
      if (planMs === null && line.startsWith("planned")) planMs = performance.now() - started;
      process.stderr.write(`[worker] ${line}\n`);
    },
  },
);
const wallMs = performance.now() - started;
const stages = await stopProfile();
clearInterval(sampler);
const cpu = process.cpuUsage(cpuBefore);
const elu = performance.eventLoopUtilization(eluBefore);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const run = await getRunDetail(result.runId);
const failures: Record<string, number> = {};
for (const scope of run?.scopes ?? [])
  if (scope.status === "failed")
    failures[`${scope.resourceType}:${scope.errorCode}`] =
      (failures[`${scope.resourceType}:${scope.errorCode}`] ?? 0) + 1;
// The unchanged world again, before the probes below add rows of their own.
async function collectAgain(): Promise<CollectWorkerResult["rerun"]> {
  const writesBefore = reconcileTotals.ms;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const again = await collectConnection({ connectionId: id, trigger: "cli" }, { runDeadlineMs: 60 * 60_000 });
  const cpuAgain = process.cpuUsage(cpuStart);
  return {
    status: again.status,
    wallMs: performance.now() - start,
    cpuMs: (cpuAgain.user + cpuAgain.system) / 1000,
    writeMs: reconcileTotals.ms - writesBefore,
  };
}
const firstWriteMs = reconcileTotals.ms;
const firstWrites = reconcileTotals.transactions;
const rerunResult = rerun === "rerun" ? await collectAgain() : undefined;
const snapshotStarted = performance.now();
await storeRunSnapshot(id, "bench-snapshot-probe");
const snapshotMs = performance.now() - snapshotStarted;
await getDb().runSnapshot.delete({ where: { runId: "bench-snapshot-probe" } });
const output: CollectWorkerResult = {
  status: result.status,
  wallMs,
  planMs,
  scopesPlanned: run?.scopesPlanned ?? 0,
  scopesFailed: run?.scopesFailed ?? 0,
  failures,
  storedInstances: await getDb().ec2Instance.count({ where: { connectionId: id, removedAt: null } }),
  storedManagedNodes: await getDb().managedNode.count({ where: { connectionId: id, removedAt: null } }),
  storedSoftware: await getDb().installedSoftware.count({ where: { connectionId: id, removedAt: null } }),
  runRequests: run?.requests ?? 0,
  runThrottles: run?.throttles ?? 0,
  peakRssMb,
  peakHeapUsedMb: memory.heapUsed / 1048576,
  peakExternalMb: memory.external / 1048576,
  cpuMs: (cpu.user + cpu.system) / 1000,
  eventLoopUtilization: elu.utilization,
  writeMs: firstWriteMs,
  writes: firstWrites,
  slowestScopeMs: Math.max(0, ...(run?.scopes ?? []).map((s) => s.durationMs ?? 0)),
  snapshotMs,
  stages,
  rerun: rerunResult,
};
if (run?.errorMessage) process.stderr.write(`[worker] run error: ${run.errorMessage}\n`);
await disconnectDb();
process.stdout.write(`${JSON.stringify(output)}\n`);
process.exit(0);
