// Two web app instances, both with their schedulers on, against one database: exactly one run
// per connection and due time, however their ticks interleave (each run records the due time it
// is for, unique per connection; the instance that loses the race queues nothing).
import { afterEach, expect, it } from "vitest";
import { cancelRunsOfConnection } from "@/lib/collector/run-controls";
import { dueConnections } from "@/lib/collector/schedule/due-connections";
import { getDb } from "@/lib/db";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";
import { startScript } from "./support/processes";

const HOUR = 3600_000;
const INSTANCES = 2;
// Time for both processes to load and connect before the instant they tick together.
const START_UP_MS = 20_000;

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  if (fixture) await cancelRunsOfConnection(fixture.connectionId, 0);
  await fixture?.sim.close();
  fixture = undefined;
});

it("two app instances with schedulers queue exactly one run for a due time", async () => {
  fixture = await demoConnection({ schedule: "*/30 * * * *" });
  const id = fixture.connectionId;
  // Created and tested hours ago: the latest half hour is due.
  const now = Date.now();
  await getDb().connection.update({
    where: { id },
    data: {
      createdAt: new Date(now - 3 * HOUR),
      configChangedAt: new Date(now - 3 * HOUR),
      lastTestPassedAt: new Date(now - 2 * HOUR),
    },
  });
  // Connections left by earlier suites keep their schedules: at a due time of theirs the two
  // instances would queue their runs too, for dead simulators. Only this test's is scheduled.
  await getDb().connection.updateMany({ where: { id: { not: id } }, data: { schedule: null } });
  const dueNow = await dueConnections();
  expect(dueNow.map((connection) => connection.id)).toEqual([id]);
  const [due] = dueNow;

  const tickAt = String(Date.now() + START_UP_MS);
  const instances = Array.from({ length: INSTANCES }, () =>
    startScript("tests/integration/support/app-scheduler-tick.ts", [tickAt], { JOBS_IN_APP: "off" }),
  );
  const codes = await Promise.all(instances.map((instance) => instance.exited));
  const outputs = instances.map((instance) => instance.output());
  expect(codes, outputs.join("\n")).toEqual(instances.map(() => 0));
  const queued = outputs.map((output) => Number(/queued=(\d+)/.exec(output)?.[1]));
  expect(
    queued.reduce((sum, count) => sum + count, 0),
    outputs.join("\n"),
  ).toBe(1);

  const runs = await getDb().run.findMany({ where: { connectionId: id, trigger: "schedule" } });
  expect(runs.map((run) => run.scheduledFor)).toEqual([due.dueAt]);
  expect(runs[0].status).not.toBe("skipped");
  // Due again only at the next half hour.
  expect((await dueConnections()).map((connection) => connection.id)).not.toContain(id);
}, 120_000);
