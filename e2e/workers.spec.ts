import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { createSimulatorConnection } from "./support/connections";
import { e2eDatabase, sqliteTime } from "./support/database";
import { ADMIN_STATE } from "./support/env";
import { signedInContext } from "./support/session";
import { createUserViaApi } from "./support/users";

test.use({ storageState: ADMIN_STATE });

// Two worker processes on other machines, as `npm run worker` there would record themselves.
const marker = crypto.randomBytes(4).toString("hex");
const busy = { id: `busy-${marker}`, host: `worker-a-${marker}.example.internal`, pid: 3101, jobsDone: 24 };
const idle = { id: `idle-${marker}`, host: `worker-b-${marker}.example.internal`, pid: 3102, jobsDone: 0 };

function recordWorker(worker: typeof busy, startedAt: Date) {
  const db = e2eDatabase();
  db.prepare(
    `INSERT INTO "Worker" ("id", "kind", "host", "pid", "concurrency", "status", "startedAt", "heartbeatAt",
       "jobsInFlight", "jobsDone", "jobsHandedBack", "itemsDone")
     VALUES (?, 'worker', ?, ?, 4, 'running', ?, ?, 2, ?, 1, ?)`,
  ).run(worker.id, worker.host, worker.pid, sqliteTime(startedAt), sqliteTime(new Date()), worker.jobsDone, 0);
  db.close();
}

// What a kill -9 leaves: the row still says running, but its heartbeat stopped long ago.
function silence(worker: typeof busy) {
  const db = e2eDatabase();
  db.prepare(`UPDATE "Worker" SET "heartbeatAt" = ? WHERE "id" = ?`).run(
    sqliteTime(new Date(Date.now() - 10 * 60_000)),
    worker.id,
  );
  db.close();
}

test("an admin sees the workers, live ones first, and a worker that stops heartbeating turns gone without a reload", async ({
  page,
}) => {
  recordWorker(idle, new Date(Date.now() - 60_000));
  recordWorker(busy, new Date(Date.now() - 120_000));
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workers", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/workers$/);
  await expect(page.getByRole("heading", { name: "Workers" })).toBeVisible();

  const row = (worker: typeof busy) => page.locator(`[data-testid="worker-row"][data-worker-id="${worker.id}"]`);
  for (const worker of [busy, idle]) {
    await expect(row(worker)).toHaveAttribute("data-status", "running");
    await expect(row(worker).getByTestId("worker-host")).toHaveText(worker.host);
    await expect(row(worker).getByTestId("worker-pid")).toHaveText(String(worker.pid));
    await expect(row(worker).getByTestId("worker-jobs-done")).toHaveText(String(worker.jobsDone));
    await expect(row(worker).getByTestId("worker-in-flight")).toHaveText("2 of 4");
    await expect(row(worker).getByTestId("worker-heartbeat")).toHaveAttribute("title", /UTC$/);
  }
  // Live ones newest first: idle started after busy.
  const order = await page.getByTestId("worker-row").evaluateAll((rows) => rows.map((r) => r.dataset.workerId));
  expect(order.indexOf(idle.id)).toBeLessThan(order.indexOf(busy.id));
  await expect(page.getByTestId("queue-pending")).toBeVisible();
  await expect(page.getByTestId("workers-gone-note")).toContainText("its jobs were handed to another worker");

  // The busy worker dies: the open page shows it gone on its next refresh, after the live ones.
  silence(busy);
  await expect(row(busy)).toHaveAttribute("data-status", "gone", { timeout: 15_000 });
  await expect(row(busy).getByTestId("worker-status")).toContainText("gone");
  await expect(row(busy).getByTestId("worker-in-flight")).toHaveText("—");
  const after = await page.getByTestId("worker-row").evaluateAll((rows) => rows.map((r) => r.dataset.status));
  expect(after.lastIndexOf("running")).toBeLessThan(after.indexOf("gone"));

  const api = await page.request.get("/api/workers");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.workers.find((worker: { id: string }) => worker.id === busy.id)).toMatchObject({
    status: "gone",
    alive: false,
    host: busy.host,
  });
});

test("a viewer gets no Workers link, a 403 page and a 403 from the API", async ({ browser, request }) => {
  const viewer = await createUserViaApi(request, "viewer");
  const { context, page } = await signedInContext(browser, viewer.email, viewer.password);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Runs", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Workers", exact: true })).toHaveCount(0);
  const response = await page.goto("/settings/workers");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
  await expect(page.getByTestId("worker-row")).toHaveCount(0);
  expect((await context.request.get("/api/workers")).status()).toBe(403);
  await context.close();
});

test("a finished run's page sums its scopes per account", async ({ page }) => {
  test.setTimeout(120_000);
  await createSimulatorConnection(page, `Per account ${Date.now()}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", /succeeded|partial/, { timeout: 90_000 });

  // Expected figures from the scopes table of the same run.
  const scopes = await page
    .getByTestId("scope-row")
    .evaluateAll((rows) =>
      rows.map((r) => ({ account: r.querySelector("td")!.textContent!.trim(), status: r.dataset.status! })),
    );
  const accounts = [...new Set(scopes.map((scope) => scope.account))].sort();
  const card = page.getByTestId("run-accounts");
  await expect(card.getByTestId("run-accounts-summary")).toContainText(
    `${accounts.length} ${accounts.length === 1 ? "account" : "accounts"}`,
  );
  await card.getByText("Per account").click();
  for (const account of accounts) {
    const mine = scopes.filter((scope) => scope.account === account);
    const count = (status: string) => mine.filter((scope) => scope.status === status).length;
    const line = card.locator(`[data-testid="run-account"][data-account-id="${account}"]`);
    await expect(line.getByTestId("run-account-counts")).toHaveText(
      `${count("succeeded")} done, ${count("failed")} failed, of ${mine.length} scopes`,
    );
    // Nothing runs once the run ended.
    await expect(line.getByTestId("run-account-workers")).not.toContainText(":");
  }
});
