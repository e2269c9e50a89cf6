import { getDb } from "../../db";
import type { JobContext } from "../../jobs";
import { getEnv } from "../../env";
import { executeConfigType } from "../execute-config";
import type { ExecutionContext } from "../execution-context";
import { executePlan } from "../execute-plan";
import { createLimiter } from "../limiter";
import { openScopeRecords } from "../runs/scope-records";
import { loadConnectionRecord } from "../../connections/load-settings";
import type { ResourceType } from "../../resources/rows";
import { COLLECT_JOBS, type RunJobData } from "./names";
import { runClaimed, type ClaimedWork } from "./run-claimed";
import { acquireRunSession, knowTarget } from "./run-sessions";

// Scopes of one account x region read at once (AWS throttles per account and region).
export const PER_REGION_CONCURRENCY = 4;

// One account x region of a Direct connection: its resource types, each read completely and
// committed on its own (a failing type fails only its scope).
export async function runRegionJob(data: RunJobData, job: JobContext): Promise<void> {
  const limits = await claimLimits(data.runId);
  await runClaimed(COLLECT_JOBS.region, data, job, limits, (claimed) =>
    withContext(claimed, async (ctx, scopes) => {
      await executePlan(ctx, scopes, {
        concurrency: PER_REGION_CONCURRENCY,
        perRegionConcurrency: PER_REGION_CONCURRENCY,
        scopeDeadlineMs: data.options.scopeDeadlineMs,
        pageSize: data.options.pageSize,
      });
    }),
  );
}

// One resource type of a Config aggregator connection: one paged query in the aggregator
// account, grouped into the planned account x region scopes.
export async function runConfigJob(data: RunJobData, job: JobContext): Promise<void> {
  const limits = await claimLimits(data.runId);
  await runClaimed(COLLECT_JOBS.config, data, job, limits, (claimed) =>
    withContext(claimed, async (ctx, scopes, connectionId) => {
      const { settings } = await loadConnectionRecord(connectionId);
      if (settings.adapter.kind !== "config-aggregator") throw new Error("Not an aggregator connection any more");
      const aggregator = {
        name: settings.adapter.aggregatorName,
        region: settings.adapter.aggregatorRegion,
        accountId: (await ctx.session.callerIdentity()).accountId,
      };
      await executeConfigType(
        ctx,
        claimed.claim.resourceType as ResourceType,
        scopes,
        aggregator,
        data.options.scopeDeadlineMs,
      );
    }),
  );
}

async function withContext(
  claimed: ClaimedWork,
  body: (
    ctx: ExecutionContext,
    scopes: Awaited<ReturnType<typeof openScopeRecords>>["scopes"],
    connectionId: string,
  ) => Promise<void>,
): Promise<{ items: number }> {
  const { claim } = claimed;
  const run = await getDb().run.findUniqueOrThrow({ where: { id: claim.runId }, select: { connectionId: true } });
  const { ids, scopes } = await openScopeRecords(claim.runJobId);
  const { session, release } = await acquireRunSession(claim.runId, run.connectionId);
  if (claim.accountId)
    await knowTarget(session, claim.accountId, run.connectionId).catch(async (error: unknown) => {
      await release();
      throw error;
    });
  const ctx: ExecutionContext = {
    session,
    connectionId: run.connectionId,
    runId: claim.runId,
    scopeRecordIds: ids,
    counters: { scopesDone: 0, scopesFailed: 0, items: 0 },
    writes: createLimiter(1),
    runSignal: claimed.signal,
    fence: claim,
    handingBack: claimed.handingBack,
  };
  try {
    await body(ctx, scopes, run.connectionId);
  } finally {
    await release();
  }
  return { items: ctx.counters.items };
}

// How many of a run's jobs may run at once (the connection's concurrency, in scopes, over the
// scopes each job reads at once), and of one AWS account across all runs (ACCOUNT_CONCURRENCY).
const limitsCache = new Map<string, { perRun: number; perAccount: number }>();
async function claimLimits(runId: string) {
  const cached = limitsCache.get(runId);
  if (cached) return cached;
  const run = await getDb().run.findUniqueOrThrow({ where: { id: runId }, select: { connectionId: true } });
  const { settings } = await loadConnectionRecord(run.connectionId);
  const limits = {
    perRun: Math.max(1, Math.ceil(settings.concurrency / PER_REGION_CONCURRENCY)),
    perAccount: getEnv().ACCOUNT_CONCURRENCY,
  };
  if (limitsCache.size > 1000) limitsCache.clear();
  limitsCache.set(runId, limits);
  return limits;
}
