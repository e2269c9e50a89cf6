import { beforeAll, describe, expect, it } from "vitest";
import { GET as workersGet } from "@/app/api/workers/route";
import { createApiToken } from "@/lib/api-tokens";
import { getRunDetail } from "@/lib/collector";
import { getDb } from "@/lib/db";
import { WORKER_STALE_MS } from "@/lib/jobs/liveness";
import { createUser, createUserSchema } from "@/lib/users";
import { listWorkers, type WorkersOverview } from "@/lib/workers";
import { JOB_STATES, marker, MINUTE, now, seedQueue, seedRun, seedWorkers, worker, WORKERS } from "./workers-fixtures";

let before: WorkersOverview;
let after: WorkersOverview;
let adminToken: string;
let viewerToken: string;
beforeAll(async () => {
  before = await listWorkers(now);
  await seedWorkers();
  await seedQueue();
  after = await listWorkers(now);
  const admin = await createUser(
    createUserSchema.parse({
      email: `admin-${marker}@example.test`,
      role: "admin",
      password: "workers page passphrase",
    }),
    null,
  );
  const actor = { id: admin.id, email: admin.email };
  adminToken = (await createApiToken({ name: `workers-admin-${marker}`, role: "admin" }, actor)).token;
  viewerToken = (await createApiToken({ name: `workers-viewer-${marker}`, role: "viewer" }, actor)).token;
});

const ours = (overview: WorkersOverview) => overview.workers.filter((row) => row.id.endsWith(`-${marker}`));

describe("the workers list", () => {
  it("says which workers live, calls silent or killed ones gone, and drops those gone for over a week", () => {
    const shown = new Map(ours(after).map((row) => [row.id, row]));
    for (const seed of WORKERS) {
      if (!seed.expect.listed) {
        expect(shown.has(seed.id), seed.id).toBe(false);
        continue;
      }
      expect(shown.get(seed.id), seed.id).toMatchObject({
        host: seed.host,
        pid: seed.pid,
        alive: seed.expect.alive,
        status: seed.expect.status,
      });
    }
  });

  it("lists live workers first, each group newest first", () => {
    const listed = WORKERS.filter((seed) => seed.expect.listed);
    const expected = [
      ...listed.filter((seed) => seed.expect.alive).sort((a, b) => +b.startedAt - +a.startedAt),
      ...listed.filter((seed) => !seed.expect.alive).sort((a, b) => +b.startedAt - +a.startedAt),
    ];
    expect(ours(after).map((row) => row.id)).toEqual(expected.map((seed) => seed.id));
  });

  it("computes throughput over each worker's working life: to now, to its last heartbeat, or to its stop", () => {
    const rate = (count: number, from: Date, to: Date) => count / ((to.getTime() - from.getTime()) / MINUTE);
    const row = (id: string) => ours(after).find((candidate) => candidate.id === id)!;
    const live = worker("live");
    expect(row(live.id).itemsPerMinute).toBeCloseTo(rate(live.itemsDone, live.startedAt, now), 6);
    expect(row(live.id).jobsPerMinute).toBeCloseTo(rate(live.jobsDone, live.startedAt, now), 6);
    const silent = worker("silent");
    expect(row(silent.id).itemsPerMinute).toBeCloseTo(rate(silent.itemsDone, silent.startedAt, silent.heartbeatAt), 6);
    const stopped = worker("stopped");
    expect(row(stopped.id).jobsPerMinute).toBeCloseTo(rate(stopped.jobsDone, stopped.startedAt, stopped.stoppedAt!), 6);
  });

  it("counts the queue over open runs only: jobs waiting and jobs running", () => {
    const count = (status: string) => JOB_STATES.filter((state) => state === status).length;
    expect(after.queue).toEqual({
      pending: before.queue.pending + count("pending"),
      running: before.queue.running + count("running"),
    });
  });
});

describe("GET /api/workers", () => {
  const get = (token: string) =>
    workersGet(new Request("http://cirrus.test/api/workers", { headers: { authorization: `Bearer ${token}` } }));

  it("answers admins with the page's figures", async () => {
    const response = await get(adminToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as WorkersOverview;
    expect(ours(body).map((row) => [row.id, row.status])).toEqual(ours(after).map((row) => [row.id, row.status]));
    expect(body.queue).toEqual(after.queue);
    expect(body.staleAfterMs).toBe(WORKER_STALE_MS);
  });

  it("refuses a viewer's token", async () => {
    const response = await get(viewerToken);
    expect(response.status).toBe(403);
    expect(JSON.stringify(await response.json())).not.toContain(marker);
  });
});

describe("a live run's progress per account", () => {
  const runId = `progress-${marker}`;
  const accountA = `${parseInt(marker, 16) % 1e6}`.padStart(6, "0") + "000001";
  const accountB = `${parseInt(marker, 16) % 1e6}`.padStart(6, "0") + "000002";
  type JobSeed = {
    key: string;
    kind: string;
    accountId: string | null;
    status: string;
    worker?: string;
    claims: number;
  };
  const JOBS: JobSeed[] = [
    { key: "a-now", kind: "region", accountId: accountA, status: "running", worker: "live", claims: 1 },
    { key: "a-done", kind: "region", accountId: accountA, status: "done", claims: 2 },
    // Taken over once already, and its second worker fell silent too.
    { key: "b-now", kind: "region", accountId: accountB, status: "running", worker: "silent", claims: 2 },
    { key: "b-next", kind: "region", accountId: accountB, status: "pending", claims: 0 },
    // One aggregator query serves both accounts.
    { key: "config", kind: "config", accountId: null, status: "running", worker: "draining", claims: 1 },
  ];
  const SCOPES: { accountId: string; status: string; job: string }[] = [
    { accountId: accountA, status: "succeeded", job: "a-done" },
    { accountId: accountA, status: "succeeded", job: "a-done" },
    { accountId: accountA, status: "failed", job: "a-done" },
    { accountId: accountA, status: "running", job: "a-now" },
    { accountId: accountA, status: "running", job: "config" },
    { accountId: accountB, status: "running", job: "b-now" },
    { accountId: accountB, status: "pending", job: "b-next" },
    { accountId: accountB, status: "skipped", job: "b-next" },
    { accountId: accountB, status: "succeeded", job: "config" },
  ];
  const jobIds = new Map<string, string>();

  beforeAll(async () => {
    await seedRun(runId, "running", null);
    for (const job of JOBS) {
      const row = await getDb().runJob.create({
        data: {
          runId,
          kind: job.kind,
          accountId: job.accountId,
          status: job.status,
          claims: job.claims,
          workerId: job.worker ? worker(job.worker).id : null,
          heartbeatAt: now,
        },
      });
      jobIds.set(job.key, row.id);
    }
    for (const [index, scope] of SCOPES.entries()) {
      await getDb().runScope.create({
        data: {
          runId,
          accountId: scope.accountId,
          region: "eu-west-1",
          resourceType: `type-${index}`,
          status: scope.status,
          runJobId: jobIds.get(scope.job),
        },
      });
    }
  });

  // From the seeds: an account's jobs are those naming it or serving one of its scopes.
  function expectedFor(accountId: string) {
    const scopes = SCOPES.filter((scope) => scope.accountId === accountId);
    const count = (status: string) => scopes.filter((scope) => scope.status === status).length;
    const jobs = JOBS.filter((job) => job.accountId === accountId || scopes.some((scope) => scope.job === job.key));
    const working = [...new Set(jobs.filter((job) => job.status === "running").map((job) => job.worker!))];
    const workers = working
      .map((name) => {
        const seed = worker(name);
        const jobsOnIt = jobs.filter((job) => job.status === "running" && job.worker === name).length;
        return { host: seed.host, pid: seed.pid, alive: seed.expect.alive, jobs: jobsOnIt };
      })
      .sort((a, b) => a.host.localeCompare(b.host));
    return {
      accountId,
      total: scopes.length,
      done: count("succeeded"),
      failed: count("failed"),
      skipped: count("skipped"),
      running: count("running"),
      workerCount: workers.length,
      workers,
      handedOver: jobs.filter((job) => job.claims > 1).length,
    };
  }

  it("gives admins each account's scopes by outcome, the workers on it now (gone ones marked) and what was handed over", async () => {
    const run = (await getRunDetail(runId))!;
    expect(run.progressByAccount).toEqual([accountA, accountB].sort().map(expectedFor));
    // The seeds hold a gone worker on a running job and a handed-over job, or the test proves less.
    expect(run.progressByAccount.some((account) => account.workers.some((entry) => !entry.alive))).toBe(true);
    expect(run.progressByAccount.every((account) => account.handedOver > 0)).toBe(true);
  });

  it("gives viewers the same counts and how many workers, but no host or pid", async () => {
    const run = (await getRunDetail(runId, { redact: true }))!;
    expect(run.progressByAccount).toEqual(
      [accountA, accountB].sort().map((accountId) => ({ ...expectedFor(accountId), workers: [] })),
    );
    const text = JSON.stringify(run);
    // As a JSON string: this machine's host name may be two letters that a random id contains.
    for (const seed of WORKERS) {
      expect(text).not.toContain(JSON.stringify(seed.host));
      expect(text).not.toContain(seed.id);
    }
    expect(text).not.toMatch(/"(host|pid)":/);
  });
});
