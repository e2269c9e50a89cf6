import crypto from "node:crypto";
import { AwsCallError } from "../../aws";
import { loadConnectionRecord } from "../../connections/load-settings";
import { getDb } from "../../db";
import type { JobContext } from "../../jobs";
import { markAccountUnreachable } from "../account-failure";
import { collectAccountAliases } from "../account-items";
import { directTypesNote } from "../execute-config";
import { CONFIG_TYPES } from "../fetch";
import { createLimiter } from "../limiter";
import { planCollection, plannedScopes, type PlannedScope } from "../plan";
import { notEnabledNotes } from "../runs/run-notes";
import { createScopeRecords } from "../runs/scope-records";
import { retireCoverageExits } from "../scope-exits";
import { closeRunOnce } from "./close-run";
import { fencedTransaction } from "./fenced-write";
import { COLLECT_JOBS, jobPriority, type RunJobData } from "./names";
import { runClaimed } from "./run-claimed";
import { acquireRunSession } from "./run-sessions";
import { jobHolder } from "./holder";
import { reportProgress } from "./run-events";

type UnitJob = { id: string; kind: "region" | "config"; accountId?: string; region?: string; resourceType?: string };

// The first job of a run: discover accounts and regions, retire what left the connection's
// coverage, record unreachable accounts, then split the scopes into jobs (one per account x
// region; one per resource type for an aggregator's query) and queue them. The jobs, scope
// records and counters are written in one fenced transaction, so a plan retried after a crash
// neither doubles them nor, once written, plans again: it only queues what is still pending.
export async function runPlanJob(data: RunJobData, job: JobContext): Promise<void> {
  await runClaimed(COLLECT_JOBS.plan, data, job, undefined, async ({ claim, signal }) => {
    await getDb().run.updateMany({
      where: { id: claim.runId, status: "queued" },
      data: { status: "running", startedAt: new Date(), heartbeatAt: new Date() },
    });
    const run = await getDb().run.findUniqueOrThrow({ where: { id: claim.runId } });
    const already = await getDb().runJob.count({ where: { runId: run.id, kind: { not: "plan" } } });
    if (already === 0) {
      const { session, release } = await acquireRunSession(run.id, run.connectionId);
      try {
        await planRun(run, session, signal, claim, job.driver);
      } catch (error) {
        if (job.signal.aborted) throw error;
        const cancelled = (signal.reason as Error | undefined)?.message === "cancelled";
        await closeRunOnce(run.id, { status: cancelled ? "cancelled" : "failed", errorMessage: describe(error) });
        return { items: 0 };
      } finally {
        await release();
      }
    }
    const pending = await getDb().runJob.findMany({
      where: { runId: run.id, kind: { not: "plan" }, status: "pending" },
      select: { id: true, kind: true },
    });
    await job.queue.sendMany(
      pending.map((unit) => {
        const name = unit.kind === "config" ? COLLECT_JOBS.config : COLLECT_JOBS.region;
        return { name, data: { ...data, runJobId: unit.id }, options: jobPriority(name) };
      }),
    );
    return { items: 0 };
  });
}

async function planRun(
  run: { id: string; connectionId: string },
  session: Awaited<ReturnType<typeof acquireRunSession>>["session"],
  signal: AbortSignal,
  claim: Parameters<typeof fencedTransaction>[0],
  driver: JobContext["driver"],
): Promise<void> {
  const { settings } = await loadConnectionRecord(run.connectionId);
  const plan = await planCollection(session, settings, signal, createLimiter(settings.concurrency));
  const notes = [...plan.warnings];
  const scopes = await plannedScopes(run.connectionId, plan);
  const exits = await retireCoverageExits(run.connectionId, plan, scopes);
  if (exits.exits.length) notes.push(exitNote(exits));
  notes.push(
    ...notEnabledNotes(
      plan.accounts.map((account) => ({ accountId: account.target.accountId, notEnabled: account.notEnabled })),
    ),
  );
  const aggregator = settings.adapter.kind === "config-aggregator";
  const direct = aggregator ? directTypesNote(new Set(scopes.map((scope) => scope.resourceType))) : null;
  if (direct) notes.push(direct);
  const viaConfig = (scope: PlannedScope) => aggregator && CONFIG_TYPES.includes(scope.resourceType);
  const units = new Map<string, UnitJob>();
  const assigned = scopes.map((scope) => {
    const key = viaConfig(scope) ? `config|${scope.resourceType}` : `region|${scope.accountId}|${scope.region}`;
    if (!units.has(key))
      units.set(key, {
        id: crypto.randomUUID(),
        ...(viaConfig(scope)
          ? { kind: "config" as const, resourceType: scope.resourceType }
          : { kind: "region" as const, accountId: scope.accountId, region: scope.region }),
      });
    return { ...scope, runJobId: units.get(key)!.id };
  });
  await collectAccountAliases(
    session,
    run.connectionId,
    plan.accounts.filter((account) => !account.error).map((account) => account.target),
  );
  reportProgress(run.id, `planned ${scopes.length} scopes in ${plan.accounts.length} accounts`);
  const holder = jobHolder(driver, claim.workerId);
  await fencedTransaction(claim, async (tx) => {
    await tx.runJob.createMany({
      data: [...units.values()].map((unit) => ({ ...unit, runId: run.id, workerId: holder })),
    });
    await createScopeRecords(run.id, assigned, tx);
    let failed = 0;
    for (const account of plan.accounts.filter((candidate) => candidate.error))
      failed += await markAccountUnreachable(run.connectionId, run.id, account.target.accountId, account.error!, tx);
    await tx.run.update({
      where: { id: run.id },
      data: {
        scopesPlanned: scopes.length,
        scopesFailed: { increment: failed },
        notes: notes.length ? JSON.stringify(notes) : null,
      },
    });
  });
}

function exitNote({ exits, resourcesRetired }: Awaited<ReturnType<typeof retireCoverageExits>>): string {
  const accounts = [...new Set(exits.map((exit) => exit.accountId))].sort();
  return `No longer covered by this connection: ${exits.length} scope${exits.length === 1 ? "" : "s"} in account${accounts.length === 1 ? "" : "s"} ${accounts.join(", ")}; ${resourcesRetired} resource${resourcesRetired === 1 ? "" : "s"} no other connection sees left the live inventory as out of scope.`;
}

function describe(error: unknown): string {
  if (error instanceof AwsCallError) return `${error.info.errorCode}: ${error.info.message}`;
  return error instanceof Error ? error.message : String(error);
}
