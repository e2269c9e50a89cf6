import { createAwsSession, discoverAccounts, type AwsSession } from "../../aws";
import { loadConnectionRecord } from "../../connections/load-settings";
import { getDb } from "../../db";
import { countRequests, type RequestStats } from "../request-stats";

type Shared = {
  session: Promise<AwsSession>;
  stats: RequestStats;
  flushed: RequestStats;
  users: number;
  idle?: NodeJS.Timeout;
};

const IDLE_CLOSE_MS = 60_000;
const global = globalThis as unknown as { cirrusRunSessions?: Map<string, Shared> };
const sessions = (global.cirrusRunSessions ??= new Map());

// One AWS session per run in each process, shared by that run's jobs here: assumed roles are
// reused, and refresh themselves before they expire (lib/aws/refreshing-provider.ts), so long
// runs keep working past one-hour role sessions. Closed a minute after its last job.
export async function acquireRunSession(
  runId: string,
  connectionId: string,
): Promise<{ session: AwsSession; release: () => Promise<void> }> {
  let shared = sessions.get(runId);
  if (!shared) {
    const stats: RequestStats = { requests: 0, throttles: 0 };
    const session = loadConnectionRecord(connectionId).then(({ settings }) =>
      createAwsSession(settings, {
        maxAttempts: 6,
        retryMode: "adaptive",
        onClientCreated: (client) => countRequests(client, stats),
      }),
    );
    shared = { session, stats, flushed: { requests: 0, throttles: 0 }, users: 0 };
    sessions.set(runId, shared);
    session.catch(() => sessions.delete(runId));
  }
  const entry = shared;
  entry.users++;
  clearTimeout(entry.idle);
  const session = await entry.session;
  return {
    session,
    release: async () => {
      entry.users--;
      await flushRequestStats(runId, entry);
      if (entry.users > 0) return;
      entry.idle = setTimeout(() => {
        if (entry.users > 0) return;
        sessions.delete(runId);
        session.destroy();
      }, IDLE_CLOSE_MS);
      entry.idle.unref();
    },
  };
}

// Requests made since the last flush, added to the run's totals (jobs of a run in several
// processes each add their own).
async function flushRequestStats(runId: string, entry: Shared): Promise<void> {
  const requests = entry.stats.requests - entry.flushed.requests;
  const throttles = entry.stats.throttles - entry.flushed.throttles;
  if (!requests && !throttles) return;
  entry.flushed = { ...entry.stats };
  await getDb().run.update({
    where: { id: runId },
    data: { requests: { increment: requests }, throttles: { increment: throttles } },
  });
}

// Which role reaches each account is learnt when the plan discovers the accounts, on the
// session of the process that ran the plan. A job of the run in another process (another
// worker) discovers them again, once per run session, before it reads its account.
const discovered = new WeakMap<AwsSession, Promise<unknown>>();
export async function knowTarget(session: AwsSession, accountId: string, connectionId: string): Promise<void> {
  if (session.target(accountId)) return;
  let discovery = discovered.get(session);
  if (!discovery) {
    discovery = loadConnectionRecord(connectionId).then(({ settings }) => discoverAccounts(session, settings.accounts));
    discovered.set(session, discovery);
    discovery.catch(() => discovered.delete(session));
  }
  await discovery;
}
