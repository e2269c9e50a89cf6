import { getDb } from "../../db";
import { redactRunDetail, redactRunSummary, redactScope } from "./redact-run";
import { readRunProgress, type AccountProgress } from "./run-progress";
import { runReason, type FailedScopeFacts } from "./run-reason";
import type { RunStatus, RunTrigger, ScopeStatus } from "./run-status";

export type RunSummary = {
  id: string;
  connectionId: string;
  connectionName: string;
  trigger: RunTrigger;
  status: RunStatus;
  skippedReason: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  scopesPlanned: number;
  scopesDone: number;
  scopesFailed: number;
  items: number;
  requests: number;
  throttles: number;
  errorMessage: string | null;
  // Why the run is partial or failed, in one line, from its failed scopes (run-reason.ts).
  reason: string | null;
};

export type RunScopeRow = {
  id: string;
  accountId: string;
  region: string;
  resourceType: string;
  status: ScopeStatus;
  items: number;
  pages: number;
  requests: number;
  durationMs: number | null;
  errorCode: string | null;
  message: string | null;
  hint: string | null;
};

export type RunDetail = RunSummary & {
  notes: string[];
  collectorVersion: string;
  heartbeatAt: string | null;
  scopes: RunScopeRow[];
  // Per account: scopes done / failed / total and the workers on it now (run-progress.ts).
  progressByAccount: AccountProgress[];
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

type RunRecord = Awaited<ReturnType<ReturnType<typeof getDb>["run"]["findFirstOrThrow"]>>;

function toSummary(run: RunRecord): Omit<RunSummary, "reason"> {
  return {
    id: run.id,
    connectionId: run.connectionId,
    connectionName: run.connectionName,
    trigger: run.trigger as RunTrigger,
    status: run.status as RunStatus,
    skippedReason: run.skippedReason,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    scopesPlanned: run.scopesPlanned,
    scopesDone: run.scopesDone,
    scopesFailed: run.scopesFailed,
    items: run.items,
    requests: run.requests,
    throttles: run.throttles,
    errorMessage: run.errorMessage,
  };
}

// `redact` is required: each caller says whether its reader is a viewer (see redact-run.ts).
export async function listRuns(options: { redact: boolean; connectionId?: string; page?: number; pageSize?: number }) {
  const pageSize = options.pageSize ?? 50;
  const page = Math.max(1, options.page ?? 1);
  const where = options.connectionId ? { connectionId: options.connectionId } : {};
  const [runs, total] = await Promise.all([
    getDb().run.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    getDb().run.count({ where }),
  ]);
  const failed = await failedScopesOf(runs.filter((run) => run.scopesFailed > 0).map((run) => run.id));
  // The reason is built from what the reader may see: for a viewer, scopes without AWS's text.
  const summaries = runs.map((run) => {
    const scopes = (failed.get(run.id) ?? []).map((scope) => (options.redact ? redactScope(scope) : scope));
    const summary = { ...toSummary(run), reason: runReason(scopes) };
    return options.redact ? redactRunSummary(summary) : summary;
  });
  return { runs: summaries, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

type FailedScope = FailedScopeFacts & { hint: string | null };

async function failedScopesOf(runIds: string[]): Promise<Map<string, FailedScope[]>> {
  const byRun = new Map<string, FailedScope[]>();
  if (runIds.length === 0) return byRun;
  const scopes = await getDb().runScope.findMany({
    where: { runId: { in: runIds }, status: "failed" },
    select: {
      runId: true,
      accountId: true,
      region: true,
      resourceType: true,
      errorCode: true,
      message: true,
      hint: true,
    },
  });
  for (const { runId, ...scope } of scopes) byRun.set(runId, [...(byRun.get(runId) ?? []), scope]);
  return byRun;
}

// With `redact` (a viewer reads it), the same redaction as the runs list (redact-run.ts).
// The CLIs run on the server as its operator and read runs unredacted.
export async function getRunDetail(id: string, options: { redact?: boolean } = {}): Promise<RunDetail | null> {
  const run = await getDb().run.findUnique({ where: { id } });
  if (!run) return null;
  const [scopes, progressByAccount] = await Promise.all([
    getDb().runScope.findMany({
      where: { runId: id },
      orderBy: [{ accountId: "asc" }, { region: "asc" }, { resourceType: "asc" }],
    }),
    readRunProgress(id),
  ]);
  const detail: RunDetail = {
    ...toSummary(run),
    reason: null,
    notes: run.notes ? (JSON.parse(run.notes) as string[]) : [],
    collectorVersion: run.collectorVersion,
    heartbeatAt: iso(run.heartbeatAt),
    scopes: scopes.map((scope) => ({
      id: scope.id,
      accountId: scope.accountId,
      region: scope.region,
      resourceType: scope.resourceType,
      status: scope.status as ScopeStatus,
      items: scope.items,
      pages: scope.pages,
      requests: scope.requests,
      durationMs: scope.durationMs,
      errorCode: scope.errorCode,
      message: scope.message,
      hint: scope.hint,
    })),
    progressByAccount,
  };
  const shown = options.redact ? redactRunDetail(detail) : detail;
  return { ...shown, reason: runReason(shown.scopes.filter((scope) => scope.status === "failed")) };
}
