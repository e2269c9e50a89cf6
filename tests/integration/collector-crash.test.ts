import { afterEach, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { startCollectionRuntime, type CollectionRuntime } from "@/lib/collector/jobs/runtime";
import { cancelRun } from "@/lib/collector/run-controls";
import { getDb } from "@/lib/db";
import { demoConnection, rowSnapshot, type CollectorFixture } from "./collector-fixtures";
import { killGroup, startScript, waitFor } from "./support/processes";

let fixture: CollectorFixture | undefined;
let runtime: CollectionRuntime | undefined;
afterEach(async () => {
  await runtime?.close(0);
  runtime = undefined;
  await fixture?.sim.close();
  fixture = undefined;
});

// One account in every region it has enabled, one region's job at a time (concurrency 4 is one
// job of 4 scopes): when the collector dies, one job is in flight and the others still wait in
// the dead process's queue. Slow EC2 answers keep the run going long enough for the kill to land.
async function killCollectorMidRun() {
  fixture = await demoConnection({ accountMode: "self", regionMode: "all-enabled", concurrency: 4 });
  const connection = await getDb().connection.findUniqueOrThrow({ where: { id: fixture.connectionId } });
  expect((await collectConnection({ connectionId: connection.id, trigger: "cli" })).status).toBe("succeeded");
  const before = await rowSnapshot(connection.id);
  const victim = before.rows[0];
  await fixture.control("mutate", {
    op: "removeResource",
    type: "instance",
    account: victim.accountId,
    region: victim.region,
    id: victim.instanceId,
  });
  await fixture.control("faults", { rules: [{ selector: { api: "ec2:*" }, latencyMs: 1500 }] });

  const collector = startScript("scripts/collect.ts", ["--connection", connection.name]);
  const run = await waitFor(
    () => getDb().run.findFirst({ where: { connectionId: connection.id, status: "running" } }),
    "the run to start",
  );
  await waitFor(
    () => getDb().runJob.findFirst({ where: { runId: run.id, kind: "region", status: "running" } }),
    "a region job in flight",
  );
  await killGroup(collector, "SIGKILL");

  // Nothing the dead process was reading was committed, and the run is still open.
  const after = await rowSnapshot(connection.id);
  expect(after.rows.map((row) => [row.instanceId, row.data, row.removedAt])).toEqual(
    before.rows.map((row) => [row.instanceId, row.data, row.removedAt]),
  );
  expect((await getDb().run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running");
  await fixture.control("faults", undefined, "DELETE");
  return { connectionId: connection.id, runId: run.id, victim };
}

it("kill -9 during a run leaves the previous data intact, and the next start finishes the run", async () => {
  const { connectionId, runId, victim } = await killCollectorMidRun();
  const openJobs = await getDb().runJob.count({ where: { runId, status: { in: ["pending", "running"] } } });
  expect(openJobs).toBeGreaterThan(1);

  // The next start: its reaper sees the collector's pid gone and hands its jobs on at once.
  runtime = await startCollectionRuntime("app", true);
  const closed = await waitFor(
    () => getDb().run.findFirst({ where: { id: runId, closedAt: { not: null } } }),
    "the run to finish",
  );
  expect(closed.status).toBe("succeeded");
  const jobs = await getDb().runJob.findMany({ where: { runId } });
  expect(jobs.every((job) => job.status === "done")).toBe(true);
  // The job that was in flight was taken over: claimed by the dead process, then by this one.
  expect(jobs.some((job) => job.claims >= 2)).toBe(true);
  const removed = await getDb().ec2Instance.findFirstOrThrow({
    where: { connectionId, instanceId: victim.instanceId },
  });
  expect(removed.removedAt).not.toBeNull();
  expect(await getDb().run.count({ where: { connectionId, status: { in: ["queued", "running"] } } })).toBe(0);
});

it("Cancel ends a run whose collector was killed, at once, and changes no data", async () => {
  const { connectionId, runId, victim } = await killCollectorMidRun();

  // No process runs jobs now: nobody will take the dead collector's work over, Cancel ends it.
  await cancelRun(runId, null, null);
  const run = await getDb().run.findUniqueOrThrow({ where: { id: runId } });
  expect(run.status).toBe("cancelled");
  expect(run.closedAt).not.toBeNull();
  expect(await getDb().runJob.count({ where: { runId, status: { in: ["pending", "running"] } } })).toBe(0);
  expect(await getDb().runScope.count({ where: { runId, status: "skipped" } })).toBeGreaterThan(0);
  const kept = await getDb().ec2Instance.findFirstOrThrow({ where: { connectionId, instanceId: victim.instanceId } });
  expect(kept.removedAt).toBeNull();
  expect(await getDb().run.count({ where: { connectionId, status: { in: ["queued", "running"] } } })).toBe(0);
});
