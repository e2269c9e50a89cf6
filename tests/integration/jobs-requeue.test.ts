// A worker that died after pg-boss handed it a job but before it claimed the job leaves that job
// taken in pg-boss (until its expiry, an hour later) and waiting in Cirrus. The reaper queues it
// again once it has waited past a worker's heartbeat allowance, and only once.
import PgBoss from "pg-boss";
import { afterEach, expect, it } from "vitest";
import { queueRun } from "@/lib/collector/jobs/open-run";
import { reapOnce } from "@/lib/collector/jobs/reaper";
import { startCollectionRuntime, type CollectionRuntime } from "@/lib/collector/jobs/runtime";
import { cancelRunsOfConnection } from "@/lib/collector/run-controls";
import { getDatabaseTarget, getDb } from "@/lib/db";
import { WORKER_STALE_MS } from "@/lib/jobs";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";

const postgres = getDatabaseTarget().provider === "postgresql";

let fixture: CollectorFixture | undefined;
let runtime: CollectionRuntime | undefined;
afterEach(async () => {
  if (fixture) await cancelRunsOfConnection(fixture.connectionId, 0);
  await runtime?.close(0);
  runtime = undefined;
  await fixture?.sim.close();
  fixture = undefined;
});

// pg-boss's copies of one Cirrus job, by state.
async function copies(runJobId: string): Promise<string[]> {
  const rows = await getDb().$queryRawUnsafe<{ state: string }[]>(
    `SELECT state::text AS state FROM pgboss.job WHERE data->'data'->>'runJobId' = $1 ORDER BY created_on`,
    runJobId,
  );
  return rows.map((row) => row.state);
}

if (postgres) {
  it("a job taken by a worker that died before claiming it is queued again, once", async () => {
    fixture = await demoConnection();
    // The app only queues: nothing in this process takes the job.
    runtime = await startCollectionRuntime("app", false);
    const { runId } = await queueRun(
      { connectionId: fixture.connectionId, trigger: "manual" },
      runtime.queue,
      runtime.workerId,
    );
    const job = await getDb().runJob.findFirstOrThrow({ where: { runId } });
    expect(await copies(job.id)).toEqual(["created"]);

    // A worker takes it from pg-boss and dies before its claim.
    const doomed = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss" });
    await doomed.start();
    expect(await doomed.fetch("cirrus")).toHaveLength(1);
    await doomed.stop({ graceful: false, wait: true });
    expect(await copies(job.id)).toEqual(["active"]);

    // Within the heartbeat allowance nothing happens: the taker may be about to claim it.
    await reapOnce(runtime.queue, runtime.workerId);
    expect(await copies(job.id)).toEqual(["active"]);

    const longAgo = new Date(Date.now() - 2 * WORKER_STALE_MS);
    await getDb().runJob.update({ where: { id: job.id }, data: { queuedAt: longAgo } });
    await getDb().$executeRawUnsafe(
      `UPDATE pgboss.job SET started_on = $1 WHERE data->'data'->>'runJobId' = $2`,
      longAgo,
      job.id,
    );
    await reapOnce(runtime.queue, runtime.workerId);
    expect(await copies(job.id)).toEqual(["active", "created"]);
    // Carried again: a second pass adds no copy.
    await reapOnce(runtime.queue, runtime.workerId);
    expect(await copies(job.id)).toEqual(["active", "created"]);
    expect((await getDb().runJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("pending");
  });
} else {
  it("on SQLite the in-process queue names the process holding a waiting job instead", async () => {
    fixture = await demoConnection();
    runtime = await startCollectionRuntime("app", false);
    expect(await runtime.queue.carriedValues("runJobId", WORKER_STALE_MS)).toBeNull();
  });
}
