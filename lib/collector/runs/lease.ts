import crypto from "node:crypto";
import os from "node:os";
import { getDb } from "../../db";

// One run per connection at a time (SECURITY.md 22): a lease row that expires unless the run's
// workers (or, while its jobs wait in the queue, the reaper) extend it, so nothing holds it forever.
export const LEASE_MS = 90_000;
export const LEASE_HOLDER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

// Atomic on SQLite and PostgreSQL alike: take over an expired lease with a conditional
// update, or create the row; a unique-key clash means someone else holds it.
export async function acquireLease(connectionId: string, runId: string): Promise<boolean> {
  const now = new Date();
  const data = { runId, holder: LEASE_HOLDER, expiresAt: new Date(now.getTime() + LEASE_MS) };
  const taken = await getDb().connectionLease.updateMany({ where: { connectionId, expiresAt: { lt: now } }, data });
  if (taken.count === 1) return true;
  // A lease whose run has closed (its closer died before releasing it) is free too.
  const lease = await getDb().connectionLease.findUnique({ where: { connectionId }, select: { runId: true } });
  if (lease) {
    const holder = await getDb().run.findUnique({ where: { id: lease.runId }, select: { status: true } });
    if (holder && ["queued", "running"].includes(holder.status)) return false;
    const freed = await getDb().connectionLease.updateMany({ where: { connectionId, runId: lease.runId }, data });
    return freed.count === 1;
  }
  try {
    await getDb().connectionLease.create({ data: { connectionId, ...data } });
    return true;
  } catch {
    return false;
  }
}

export async function currentLeaseRun(connectionId: string): Promise<string | null> {
  const lease = await getDb().connectionLease.findUnique({ where: { connectionId }, select: { runId: true } });
  return lease?.runId ?? null;
}

export async function extendLease(connectionId: string, runId: string): Promise<void> {
  await getDb().connectionLease.updateMany({
    where: { connectionId, runId },
    data: { expiresAt: new Date(Date.now() + LEASE_MS) },
  });
}

export async function releaseLease(connectionId: string, runId: string): Promise<void> {
  await getDb().connectionLease.deleteMany({ where: { connectionId, runId } });
}
