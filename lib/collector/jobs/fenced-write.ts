import { getDb, type Db } from "../../db";
import { FencedOutError, logRefused } from "./run-job-store";
import type { Fence } from "../store/scope-commit-sql";

export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// Writes that belong to a job, in one transaction that first checks the job is still this
// worker's (its fence is current). A worker that lost the job writes nothing, and says so.
export async function fencedTransaction<T>(fence: Fence, write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await getDb().$transaction(
      async (tx) => {
        const held = await tx.runJob.updateMany({
          where: { id: fence.runJobId, fence: fence.fence, status: "running" },
          data: { heartbeatAt: new Date() },
        });
        if (held.count === 0) throw new FencedOutError(fence);
        return write(tx as Tx);
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (error instanceof FencedOutError) logRefused(fence, "scope outcome");
    throw error;
  }
}
