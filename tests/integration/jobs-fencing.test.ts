import { afterEach, expect, it, vi } from "vitest";
import { collectConnection } from "@/lib/collector";
import { queueRun } from "@/lib/collector/jobs/open-run";
import { reapOnce } from "@/lib/collector/jobs/reaper";
import {
  claimRunJob,
  FencedOutError,
  handBackRunJob,
  isClaimCurrent,
  type Claim,
  type RunJobKind,
} from "@/lib/collector/jobs/run-job-store";
import { privateCollectionQueue } from "@/lib/collector/jobs/runtime";
import { reconcileScope } from "@/lib/collector/store/reconcile-scope";
import { getDb } from "@/lib/db";
import type { JobQueue } from "@/lib/jobs";
import { demoConnection, rowSnapshot, type CollectorFixture } from "./collector-fixtures";
import { waitFor } from "./support/processes";

let fixture: CollectorFixture | undefined;
let queue: JobQueue | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await queue?.stop(0);
  queue = undefined;
  await fixture?.sim.close();
  fixture = undefined;
});

const runState = async (runId: string) => ({
  run: await getDb().run.findUniqueOrThrow({
    where: { id: runId },
    select: { scopesDone: true, scopesFailed: true, items: true, status: true, closedAt: true },
  }),
  scopes: await getDb().runScope.findMany({ where: { runId }, orderBy: { id: "asc" } }),
});

it("a worker whose job was taken over commits nothing: its write is refused and logged, the new owner's goes through", async () => {
  fixture = await demoConnection({ accountMode: "self", regionMode: "list", regions: ["us-east-1"], concurrency: 4 });
  const { connectionId } = fixture;
  expect((await collectConnection({ connectionId, trigger: "cli" })).status).toBe("succeeded");
  const before = await rowSnapshot(connectionId);
  const victim = before.rows[0];
  await fixture.control("mutate", {
    op: "removeResource",
    type: "instance",
    account: victim.accountId,
    region: victim.region,
    id: victim.instanceId,
  });
  // Every answer is slow, so worker A is still reading when its job is taken from it.
  await fixture.control("faults", { rules: [{ latencyMs: 1500 }] });
  const warnings = vi.spyOn(console, "warn");

  // Worker A: this process's queue, running the real job handlers.
  const a = await privateCollectionQueue(1);
  queue = a.queue;
  const { runId } = await queueRun({ connectionId, trigger: "cli" }, a.queue, a.workerId);
  const held = await waitFor(
    () => getDb().runJob.findFirst({ where: { runId, kind: "region", status: "running" } }),
    "worker A to claim the region job",
  );
  const claimA: Claim = { ...held, runJobId: held.id, kind: held.kind as RunJobKind, workerId: held.workerId! };
  const atTakeover = await runState(runId);

  // Taken over: handed back (as the reaper does for a worker it believes dead) and claimed by B.
  expect(await handBackRunJob(claimA, "taken over")).toBe(true);
  const claimB = await claimRunJob(held.id, "worker-b");
  if (typeof claimB === "string") throw new Error(`worker B could not claim the job: ${claimB}`);
  expect(claimB.fence).toBeGreaterThan(claimA.fence);

  // A's commit with its old fence: refused, even one that would mark every resource removed.
  await expect(
    reconcileScope(
      { connectionId, accountId: victim.accountId, region: victim.region, resourceType: "ec2-instance" },
      [],
      runId,
      new Date(),
      { fence: claimA },
    ),
  ).rejects.toBeInstanceOf(FencedOutError);
  // A's own job ends when its slow reads return, and its commits are refused the same way.
  await waitFor(async () => a.queue.inFlight() === 0, "worker A's job to end", 30_000);

  const refused = warnings.mock.calls
    .map((call) => String(call[0]))
    .filter((line) => line.includes("collector.fenced_out"));
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.every((line) => line.includes(held.id) && line.includes(`"fence":${claimA.fence}`))).toBe(true);
  expect(await rowSnapshot(connectionId)).toEqual(before);
  expect(await runState(runId)).toEqual(atTakeover);
  expect(await isClaimCurrent(claimB)).toBe(true);

  // B gives the job back and it is run again to the end: the new owner's writes go through.
  await fixture.control("faults", undefined, "DELETE");
  expect(await handBackRunJob(claimB, "test: let the queue run it")).toBe(true);
  await reapOnce(a.queue, a.workerId);
  const closed = await waitFor(
    () => getDb().run.findFirst({ where: { id: runId, closedAt: { not: null } } }),
    "the run to finish",
  );
  expect(closed.status).toBe("succeeded");
  const removed = await getDb().ec2Instance.findFirstOrThrow({
    where: { connectionId, instanceId: victim.instanceId },
  });
  expect(removed.removedAt).not.toBeNull();
});
