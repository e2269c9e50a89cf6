import { getDb } from "../../db";
import { extendLease } from "../runs/lease";
import { jobsInFlight } from "./in-flight";

// On each of this process's heartbeats: keep the jobs it runs (a job whose fence moved on was
// taken over: stop it), touch their runs and connection leases, and deliver Cancel requests
// made from other processes.
export async function collectionHeartbeat(): Promise<void> {
  const running = jobsInFlight();
  if (!running.length) return;
  const now = new Date();
  for (const { claim, controller } of running) {
    const kept = await getDb().runJob.updateMany({
      where: { id: claim.runJobId, fence: claim.fence, status: "running" },
      data: { heartbeatAt: now },
    });
    if (kept.count === 0) controller.abort(new Error("taken over"));
  }
  const runIds = [...new Set(running.map(({ claim }) => claim.runId))];
  const runs = await getDb().run.findMany({
    where: { id: { in: runIds } },
    select: { id: true, connectionId: true, cancelRequested: true },
  });
  await getDb().run.updateMany({ where: { id: { in: runIds } }, data: { heartbeatAt: now } });
  for (const run of runs) {
    await extendLease(run.connectionId, run.id);
    if (run.cancelRequested)
      for (const { claim, controller } of running) if (claim.runId === run.id) controller.abort(new Error("cancelled"));
  }
}
