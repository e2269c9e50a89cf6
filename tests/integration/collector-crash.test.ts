import { spawn } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { abortStaleRuns, STALE_HEARTBEAT_MS } from "@/lib/collector/runs/lifecycle";
import { getDb } from "@/lib/db";
import { demoConnection, rowSnapshot, type CollectorFixture } from "./collector-fixtures";

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it("kill -9 during a run leaves the previous data intact, and the run is marked aborted at the next start", async () => {
  fixture = await demoConnection({ accountMode: "self", regionMode: "list", regions: ["us-east-1"] });
  const connection = await getDb().connection.findUniqueOrThrow({ where: { id: fixture.connectionId } });
  expect((await collectConnection({ connectionId: connection.id, trigger: "cli" })).status).toBe("succeeded");
  const before = await rowSnapshot(connection.id);

  // Slow the world down and remove an instance, then kill the collector process mid-run.
  await fixture.control("mutate", {
    op: "removeResource",
    type: "instance",
    account: before.rows[0].accountId,
    region: "us-east-1",
    id: before.rows[0].instanceId,
  });
  await fixture.control("faults", { rules: [{ selector: { api: "ec2:*" }, latencyMs: 1500 }] });
  const child = spawn(process.execPath, ["scripts/run-ts.mjs", "scripts/collect.ts", "--connection", connection.name], {
    detached: true,
    stdio: "ignore",
    env: process.env,
  });
  const run = await waitFor(() => getDb().run.findFirst({ where: { connectionId: connection.id, status: "running" } }));
  await waitFor(() => getDb().runScope.findFirst({ where: { runId: run.id } }));
  process.kill(-child.pid!, "SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));

  const after = await rowSnapshot(connection.id);
  expect(after.rows.map((row) => [row.instanceId, row.data, row.removedAt])).toEqual(
    before.rows.map((row) => [row.instanceId, row.data, row.removedAt]),
  );
  expect((await getDb().run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running");

  // The next start: the dead run's heartbeat is stale, so it is aborted and its lease freed.
  expect(await abortStaleRuns(new Date(Date.now() + STALE_HEARTBEAT_MS + 5_000))).toBeGreaterThanOrEqual(1);
  expect((await getDb().run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("aborted");
  await fixture.control("faults", undefined, "DELETE");
  const next = await collectConnection({ connectionId: connection.id, trigger: "cli" });
  expect(next.status).toBe("succeeded");
  expect(
    (
      await getDb().ec2Instance.findFirstOrThrow({
        where: { connectionId: connection.id, instanceId: before.rows[0].instanceId },
      })
    ).removedAt,
  ).not.toBeNull();
});
