import { afterEach, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { deleteConnection } from "@/lib/connections/save-connection";
import { getDb } from "@/lib/db";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";

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
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("deleting a connection while its run is in flight cancels the run, and nothing is written for it afterwards", async () => {
  fixture = await demoConnection();
  const connectionId = fixture.connectionId;
  // Slow AWS down so the run is still reading when the connection goes.
  await fixture.control("faults", { rules: [{ selector: { api: "ec2:*" }, latencyMs: 400 }] });
  const result = collectConnection({ connectionId, trigger: "cli" });
  const run = await waitFor(() => getDb().run.findFirst({ where: { connectionId, status: "running" } }));
  await waitFor(() => getDb().runJob.findFirst({ where: { runId: run.id, kind: "region", status: "running" } }));

  await deleteConnection(connectionId, { actor: null, ip: null });

  expect((await result).status).toBe("cancelled");
  const closed = await getDb().run.findUniqueOrThrow({ where: { id: run.id } });
  expect(closed.status).toBe("cancelled");
  expect(closed.closedAt).not.toBeNull();
  // Every scope ended one way or another; none was left pending for a worker.
  expect(await getDb().runScope.count({ where: { runId: run.id, status: { in: ["pending", "running"] } } })).toBe(0);
  expect(await getDb().runJob.count({ where: { runId: run.id, status: { in: ["pending", "running"] } } })).toBe(0);
  // The deleted connection has no scope states: no job marked anything for it after it went.
  expect(await getDb().scopeState.count({ where: { connectionId } })).toBe(0);
  expect(await getDb().connectionLease.count({ where: { connectionId } })).toBe(0);
}, 60_000);
