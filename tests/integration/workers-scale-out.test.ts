// Issue 13: collection spread over `npm run worker` processes sharing PostgreSQL (pg-boss), and
// what happens when one of them dies (kill -9) or is told to stop (SIGTERM). The web app's side
// is played by this process the way it runs with JOBS_IN_APP=off: it only queues the run.
// With the embedded SQLite database there is nothing to share runs through, so there a worker
// refuses to start.
import { afterEach, expect, it } from "vitest";
import { AUDIT } from "@/lib/audit/actions";
import { queueRun, type RunSettings } from "@/lib/collector/jobs/open-run";
import { cancelRunsOfConnection } from "@/lib/collector/run-controls";
import { startCollectionRuntime, type CollectionRuntime } from "@/lib/collector/jobs/runtime";
import { createConnection } from "@/lib/connections/save-connection";
import { getDatabaseTarget, getDb } from "@/lib/db";
import { buildPreset, type WorldSpec } from "@/simulator/src/index";
import { startDemo, type DemoSim } from "./aws-fixtures";
import { resetInventory, storedCounts } from "./collector-fixtures";
import { killAllWorkers, runWorkerToExit, startWorker, type WorkerProcess } from "./support/worker-process";

const SHARED_EXTERNAL_ID = "cirrus-workers-test-external-id-0001";
// 80 account x region jobs; 20 instances per region is the scale preset's threshold for also
// generating dedicated hosts and RDS instances, so every resource type is in play.
const WORLD = { accounts: 20, regions: 4, instancesPerRegion: 20 };
// Jobs each worker runs at once, and a connection concurrency that lets all three workers'
// slots work on the one run (a run gets concurrency / 4 region jobs at once).
const WORKER_CONCURRENCY = 4;
const CONNECTION_CONCURRENCY = 48;
const DRAIN_SECONDS = 3;
// Worker start-up, a run of the slowed world and, after a kill, the takeover.
const TEST_TIMEOUT_MS = 240_000;

const postgres = getDatabaseTarget().provider === "postgresql";

let sim: DemoSim | undefined;
let runtime: CollectionRuntime | undefined;
let worldConnectionId: string | undefined;
afterEach(async () => {
  await killAllWorkers();
  // A test that failed mid-run leaves no jobs for the next test's workers to trip over.
  if (worldConnectionId) await cancelRunsOfConnection(worldConnectionId, 0);
  worldConnectionId = undefined;
  await runtime?.close(0);
  runtime = undefined;
  await sim?.sim.close();
  sim = undefined;
});

function scaleWorld(): WorldSpec {
  return buildPreset("scale", { ...WORLD, sharedExternalId: SHARED_EXTERNAL_ID });
}

type Cells = Map<string, number>;
// What each account x region of the world holds, by the collector's resource tables.
function expectedCells(spec: WorldSpec) {
  const cells = { instances: new Map(), hosts: new Map(), reservedInstances: new Map(), dbInstances: new Map() };
  for (const account of spec.accounts)
    for (const region of account.regions) {
      const generated = region.generate!;
      const key = `${account.id}|${region.name}`;
      for (const field of ["instances", "hosts", "reservedInstances", "dbInstances"] as const)
        if (generated[field]) (cells[field] as Cells).set(key, generated[field]);
    }
  return cells;
}

const sorted = (cells: Cells) => [...cells.entries()].sort(([a], [b]) => a.localeCompare(b));
const total = (cells: Cells) => [...cells.values()].reduce((sum, count) => sum + count, 0);

async function startWorld(latencyMs: number): Promise<{ spec: WorldSpec; connectionId: string }> {
  await resetInventory();
  const spec = scaleWorld();
  sim = await startDemo(spec);
  // Slows every EC2 call so that a run lasts long enough for a signal to land mid-run.
  await control(`faults`, { rules: [{ selector: { api: "ec2:*" }, latencyMs }] });
  const collector = sim.creds.users[0];
  const { id } = await createConnection(
    {
      name: `scale-out-${Math.random().toString(36).slice(2, 8)}`,
      accessKeyId: collector.accessKeyId,
      secretAccessKey: collector.secretAccessKey,
      externalId: SHARED_EXTERNAL_ID,
      accountMode: "organizations",
      memberRoleName: "CirrusInventoryRole",
      regionMode: "all-enabled",
      endpointUrl: sim.url,
      concurrency: CONNECTION_CONCURRENCY,
      schedule: "",
    },
    { actor: null, ip: null },
  );
  worldConnectionId = id;
  return { spec, connectionId: id };
}

async function control(path: string, body: unknown) {
  const response = await fetch(`${sim!.url}/_sim/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`/_sim/${path}: ${response.status} ${await response.text()}`);
}

function startWorkers(count: number, env: Record<string, string> = {}): Promise<WorkerProcess[]> {
  return Promise.all(
    Array.from({ length: count }, () => startWorker({ WORKER_CONCURRENCY: String(WORKER_CONCURRENCY), ...env })),
  );
}

// "Run now" with JOBS_IN_APP=off: the app's runtime only enqueues the run's plan job.
async function queueManualRun(connectionId: string, settings: RunSettings = {}): Promise<string> {
  runtime = await startCollectionRuntime("app", false);
  const opened = await queueRun({ connectionId, trigger: "manual" }, runtime.queue, runtime.workerId, settings);
  expect(opened.queued).toBe(true);
  return opened.runId;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const waitForClose = (runId: string) =>
  waitFor(
    `run ${runId} to close`,
    () => getDb().run.findFirst({ where: { id: runId, closedAt: { not: null } } }),
    150_000,
  );

// A region job this worker is running now.
const runningJobsOf = (runId: string, workerId: string) =>
  getDb().runJob.findMany({ where: { runId, workerId, kind: "region", status: "running" } });

// Every resource of the world stored once; the run succeeded, read every scope, and was
// closed once (one snapshot, one run.finished entry).
async function expectCompleteRun(spec: WorldSpec, connectionId: string, runId: string) {
  const run = await getDb().run.findUniqueOrThrow({ where: { id: runId } });
  const unread = await getDb().runScope.findMany({
    where: { runId, status: { not: "succeeded" } },
    select: { accountId: true, region: true, resourceType: true, status: true, errorCode: true, message: true },
  });
  expect(run.status, JSON.stringify(unread.slice(0, 5))).toBe("succeeded");
  expect(run.scopesPlanned).toBeGreaterThan(0);
  expect(run.scopesDone).toBe(run.scopesPlanned);
  expect(run.scopesFailed).toBe(0);
  expect(await getDb().runScope.count({ where: { runId, status: { not: "succeeded" } } })).toBe(0);

  const expected = expectedCells(spec);
  const stored = await storedCounts(connectionId);
  for (const field of ["instances", "hosts", "reservedInstances", "dbInstances"] as const)
    expect(sorted(stored[field]), field).toEqual(sorted(expected[field]));
  // The inventory was emptied before the run, so whole tables hold this world alone: no row twice.
  expect(await getDb().ec2Instance.count()).toBe(total(expected.instances));
  expect(await getDb().dedicatedHost.count()).toBe(total(expected.hosts));
  expect(await getDb().reservedInstance.count()).toBe(total(expected.reservedInstances));
  expect(await getDb().dbInstance.count()).toBe(total(expected.dbInstances));

  expect(await getDb().runSnapshot.count({ where: { runId } })).toBe(1);
  expect(await getDb().auditEvent.count({ where: { action: AUDIT.runFinished, targetId: runId } })).toBe(1);
  const jobs = await getDb().runJob.findMany({ where: { runId, kind: "region" } });
  expect(jobs).toHaveLength(spec.accounts.length * WORLD.regions);
  expect(jobs.filter((job) => job.status !== "done")).toEqual([]);
  return { run, jobs };
}

if (postgres) {
  it(
    "three workers share a run: every resource once, one close, work spread over all three",
    async () => {
      const { spec, connectionId } = await startWorld(300);
      const workers = await startWorkers(3);
      const runId = await queueManualRun(connectionId);
      await waitForClose(runId);

      const { jobs } = await expectCompleteRun(spec, connectionId, runId);
      const byWorker = new Map<string, number>();
      for (const job of jobs) byWorker.set(job.workerId!, (byWorker.get(job.workerId!) ?? 0) + 1);
      expect([...byWorker.keys()].sort()).toEqual(workers.map((worker) => worker.workerId).sort());
      for (const count of byWorker.values()) expect(count).toBeGreaterThanOrEqual(1);
      expect(jobs.every((job) => job.claims === 1)).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "kill -9 of a worker mid-run: the others take over its jobs, nothing lost or doubled, its row goes gone",
    async () => {
      const { spec, connectionId } = await startWorld(400);
      const [victim, ...others] = await startWorkers(3);
      const runId = await queueManualRun(connectionId);
      const held = await waitFor(
        "the victim to run a job",
        async () => (await runningJobsOf(runId, victim.workerId)).length > 0 && runningJobsOf(runId, victim.workerId),
        90_000,
      );

      const killedAt = Date.now();
      victim.signal("SIGKILL");
      expect((await victim.exited).code).not.toBe(0);
      await waitForClose(runId);

      await expectCompleteRun(spec, connectionId, runId);
      const taken = await getDb().runJob.findMany({ where: { id: { in: held.map((job) => job.id) } } });
      const survivors = others.map((worker) => worker.workerId);
      for (const job of taken) {
        expect(job.status).toBe("done");
        expect(job.claims).toBeGreaterThan(1);
        expect(survivors).toContain(job.workerId);
      }
      // From the kill to the first claim of one of its jobs by another worker.
      const firstClaim = Math.min(...taken.map((job) => job.startedAt!.getTime()));
      console.info(`[workers-scale-out] takeover after kill -9: ${firstClaim - killedAt} ms`);

      const gone = await waitFor(
        "the killed worker's row to go stale",
        () => getDb().worker.findFirst({ where: { id: victim.workerId, status: "gone" } }),
        60_000,
      );
      expect(gone.stoppedAt).toBeNull();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "SIGTERM drains a worker within its deadline: its jobs are handed back or finished, the run completes",
    async () => {
      const { spec, connectionId } = await startWorld(400);
      const [victim] = await startWorkers(1, { WORKER_DRAIN_SECONDS: String(DRAIN_SECONDS) });
      await startWorkers(2);
      // Small pages: a region's instances take several sequential calls, longer than the drain.
      const runId = await queueManualRun(connectionId, { pageSize: 5 });
      const held = await waitFor(
        "the victim to run a job",
        async () => (await runningJobsOf(runId, victim.workerId)).length > 0 && runningJobsOf(runId, victim.workerId),
        90_000,
      );

      victim.signal("SIGTERM");
      const exit = await Promise.race([
        victim.exited,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), (DRAIN_SECONDS + 15) * 1000)),
      ]);
      expect(exit, victim.stderr()).toEqual({ code: 0, signal: null });
      expect(victim.stderr()).toContain("[worker] stopped");
      // Nothing is left running in its name: every job it had was finished or handed back.
      expect(await getDb().runJob.count({ where: { workerId: victim.workerId, status: "running" } })).toBe(0);
      const row = await getDb().worker.findUniqueOrThrow({ where: { id: victim.workerId } });
      expect(row.status).toBe("stopped");
      expect(row.jobsInFlight).toBe(0);

      await waitForClose(runId);
      await expectCompleteRun(spec, connectionId, runId);
      const after = await getDb().runJob.findMany({ where: { id: { in: held.map((job) => job.id) } } });
      for (const job of after) {
        expect(job.status).toBe("done");
        if (job.workerId !== victim.workerId) expect(job.claims).toBeGreaterThan(1);
      }
      const handedBack = after.filter((job) => job.workerId !== victim.workerId).length;
      expect(row.jobsHandedBack).toBeGreaterThanOrEqual(handedBack);
    },
    TEST_TIMEOUT_MS,
  );
} else {
  it("npm run worker refuses to start on the embedded SQLite database", async () => {
    const exit = await runWorkerToExit();
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain("[worker] Workers share runs through PostgreSQL: set DATABASE_URL=postgresql://");
    expect(await getDb().worker.count({ where: { kind: "worker" } })).toBe(0);
  });
}
