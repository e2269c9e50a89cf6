// A hung AWS call ends at the scope deadline: the job aborts the SDK request itself, the scope
// is failed and stale, and what the previous run stored for it stays as it was. Runs through
// the job layer the app uses (pg-boss on PostgreSQL, the in-process queue on SQLite).
import { afterEach, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { queueRun } from "@/lib/collector/jobs/open-run";
import { startCollectionRuntime, type CollectionRuntime } from "@/lib/collector/jobs/runtime";
import { getDb } from "@/lib/db";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";
import { waitFor } from "./support/processes";

const SCOPE_DEADLINE_MS = 2_000;
// The deadline plus room for a shared machine; a call that was not aborted never ends at all.
const DEADLINE_SLACK_MS = 6_000;

let fixture: CollectorFixture | undefined;
let runtime: CollectionRuntime | undefined;
afterEach(async () => {
  await runtime?.close(0);
  runtime = undefined;
  await fixture?.sim.close();
  fixture = undefined;
});

const hostRows = (connectionId: string, accountId: string, region: string) =>
  getDb().dedicatedHost.findMany({
    where: { connectionId, accountId, region },
    select: { hostId: true, data: true, removedAt: true, lastSeenAt: true },
    orderBy: { hostId: "asc" },
  });

async function failedScopes(runId: string) {
  const scopes = await getDb().runScope.findMany({ where: { runId, status: { not: "succeeded" } } });
  return scopes
    .map((scope) => ({
      key: `${scope.accountId}|${scope.region}|${scope.resourceType}`,
      status: scope.status,
      errorCode: scope.errorCode,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

it("a hung DescribeHosts ends at a 2 s scope deadline: the scope fails and goes stale, its rows untouched", async () => {
  fixture = await demoConnection();
  const { connectionId } = fixture;
  // The demo world has cells that always fail (denied, not enabled): those fail again below.
  const first = await collectConnection({ connectionId, trigger: "cli" });
  const failedBefore = await failedScopes(first.runId);
  // A cell the first run stored hosts for: its rows are what the hung call must not touch.
  const cell = await getDb().dedicatedHost.findFirstOrThrow({
    where: { connectionId },
    select: { accountId: true, region: true },
  });
  const before = await hostRows(connectionId, cell.accountId, cell.region);
  expect(before.length).toBeGreaterThan(0);
  const lastSuccess = await getDb().scopeState.findFirstOrThrow({
    where: { connectionId, accountId: cell.accountId, region: cell.region, resourceType: "dedicated-host" },
  });

  await fixture.control("faults", {
    rules: [{ selector: { account: cell.accountId, region: cell.region, api: "ec2:DescribeHosts" }, hang: true }],
  });
  runtime = await startCollectionRuntime("app", true);
  const opened = await queueRun({ connectionId, trigger: "manual" }, runtime.queue, runtime.workerId, {
    scopeDeadlineMs: SCOPE_DEADLINE_MS,
  });
  expect(opened.queued).toBe(true);
  const run = await waitFor(
    () => getDb().run.findFirst({ where: { id: opened.runId, closedAt: { not: null } } }),
    "the run to close",
  );
  expect(run.status).toBe("partial");

  const failed = await failedScopes(run.id);
  const hungKey = `${cell.accountId}|${cell.region}|dedicated-host`;
  expect(failed.filter((scope) => scope.key !== hungKey)).toEqual(failedBefore);
  expect(failed.find((scope) => scope.key === hungKey)).toEqual({
    key: hungKey,
    status: "failed",
    errorCode: "ScopeDeadlineExceeded",
  });
  const hung = await getDb().runScope.findFirstOrThrow({
    where: { runId: run.id, accountId: cell.accountId, region: cell.region, resourceType: "dedicated-host" },
  });
  expect(hung.durationMs).toBeGreaterThanOrEqual(SCOPE_DEADLINE_MS - 100);
  expect(hung.durationMs).toBeLessThan(SCOPE_DEADLINE_MS + DEADLINE_SLACK_MS);

  const state = await getDb().scopeState.findFirstOrThrow({
    where: { connectionId, accountId: cell.accountId, region: cell.region, resourceType: "dedicated-host" },
  });
  expect(state.stale).toBe(true);
  expect(state.lastSuccessAt).toEqual(lastSuccess.lastSuccessAt);
  expect(await hostRows(connectionId, cell.accountId, cell.region)).toEqual(before);
});
