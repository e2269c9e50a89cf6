import { expect, test, type Page, type Request } from "@playwright/test";
import { RESOURCES } from "../lib/resources/registry";
import { RESOURCE_TYPES } from "../lib/resources/rows";
import { DEMO_RDS_DENIED } from "../simulator/src/world/demo/layout";
import { createSimulatorConnection, fillWizard, simulatorMfaCode, simulatorMfaUser } from "./support/connections";
import { createMemberRoleConnection, deleteConnection, runConnectionNow } from "./support/member-connection";
import { ADMIN_STATE, E2E_BASE_URL } from "./support/env";
import { replayServerAction } from "./support/server-actions";
import { signedInContext } from "./support/session";
import { simulatorCredentials } from "./support/simulator";
import { createUserViaApi } from "./support/users";

// The wizard's simulator connection reads two regions, every registered type in each (software
// collection is on for new connections).
const SCOPES = 2 * RESOURCE_TYPES.length;

test.use({ storageState: ADMIN_STATE });

// The next server-action POST the page sends whose body mentions `marker`.
function nextActionCall(page: Page, marker: string): Promise<Request> {
  return page.waitForRequest(
    (req) => req.method() === "POST" && !!req.headers()["next-action"] && !!req.postData()?.includes(marker),
  );
}

// Sends a captured server-action call again with another session, as a hand-made request would.
function runIdFrom(page: Page): string {
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("an admin runs a connection now and follows it to the end; a viewer sees it but cannot run or cancel", async ({
  page,
  browser,
  request,
  playwright,
}) => {
  test.setTimeout(150_000);
  const name = `Runs ${Date.now()}`;
  const connectionId = await createSimulatorConnection(page, name);

  const runNowCall = nextActionCall(page, connectionId);
  await page.getByRole("button", { name: "Run now" }).click();
  const runNowRequest = await runNowCall;
  await page.waitForURL(/\/runs\/[^/?]+$/);
  const runId = runIdFrom(page);

  await expect(page.getByRole("heading", { name: `Run of ${name}` })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Scopes finished" })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  // Two regions x every resource type, all committed.
  await expect(page.getByTestId("scope-row")).toHaveCount(SCOPES);
  await expect(page.locator('[data-testid="scope-row"][data-status="succeeded"]')).toHaveCount(SCOPES);
  await expect(page.getByRole("progressbar", { name: "Scopes finished" })).toHaveAttribute(
    "aria-valuenow",
    String(SCOPES),
  );
  await expect(page.getByTestId("run-progress-label")).toHaveText(`${SCOPES} of ${SCOPES} scopes finished`);
  const itemCells = await page.getByTestId("scope-items").allInnerTexts();
  expect(
    itemCells.some((text) => Number(text.replace(/,/g, "")) > 0),
    `items per scope: ${itemCells.join(" ")}`,
  ).toBe(true);
  await expect(page.getByTestId("run-counter-items")).not.toHaveText("0");
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/run-page.png", fullPage: true });

  // The runs list shows the run, filtered by connection too; admins get a link to the connection.
  await page.goto("/runs");
  const row = page.getByTestId(`run-row-${runId}`);
  await expect(row).toContainText(name);
  await expect(row).toContainText("manual");
  await expect(row.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded");
  await expect(row.getByRole("link", { name })).toHaveAttribute("href", `/connections/${connectionId}`);
  await page.goto(`/runs?connection=${connectionId}`);
  await expect(page.locator('[data-testid^="run-row-"]')).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));

  expect((await page.goto("/runs/no-such-run"))?.status()).toBe(404);
  const missing = await request.get("/api/runs/no-such-run");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("notfound");

  // A viewer sees the list and the run, with no link to the configuration and no controls.
  const viewer = await createUserViaApi(request, "viewer");
  const { context, page: viewerPage } = await signedInContext(browser, viewer.email, viewer.password);
  await viewerPage.goto("/runs");
  await expect(viewerPage.getByTestId(`run-row-${runId}`)).toContainText(name);
  await expect(viewerPage.getByRole("link", { name })).toHaveCount(0);
  await viewerPage.goto(`/runs/${runId}`);
  await expect(viewerPage.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded");
  await expect(viewerPage.getByTestId("scope-row")).toHaveCount(SCOPES);
  await expect(viewerPage.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Run now" })).toHaveCount(0);
  expect((await viewerPage.goto(`/connections/${connectionId}`))?.status()).toBe(403);

  const api = await context.request.get(`/api/runs/${runId}`);
  expect(api.status()).toBe(200);
  expect(api.headers()["cache-control"]).toContain("no-store");
  const detail = await api.json();
  expect(detail).toMatchObject({
    id: runId,
    connectionId,
    status: "succeeded",
    trigger: "manual",
    scopesPlanned: SCOPES,
    scopesDone: SCOPES,
    scopesFailed: 0,
  });
  expect(detail.scopes).toHaveLength(SCOPES);

  // Replaying the admin's Run now as the viewer is refused and starts nothing.
  const replay = await replayServerAction(context.request, runNowRequest);
  expect(replay.status()).toBe(403);
  await context.close();
  await page.goto(`/runs?connection=${connectionId}`);
  await expect(page.locator('[data-testid^="run-row-"]')).toHaveCount(1);

  // Explicitly empty: the test's `use` options (an admin session) apply to new contexts too.
  const anonymous = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  expect((await anonymous.get(`/api/runs/${runId}`)).status()).toBe(401);
  await anonymous.dispose();
});

test("an admin cancels a run that is still going; a viewer's replay of Cancel gets 403", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const sim = simulatorCredentials().endpoint;
  const saved = await (await request.get(`${sim}/_sim/faults`)).json();
  try {
    const name = `Cancel ${Date.now()}`;
    await createSimulatorConnection(page, name);
    // Slow AWS down so the run is still going when Cancel is clicked.
    const slow = await request.post(`${sim}/_sim/faults`, {
      data: { rules: [{ selector: { api: "ec2:DescribeInstances" }, hangMs: 40_000 }] },
    });
    expect(slow.ok()).toBe(true);

    await page.getByRole("button", { name: "Run now" }).click();
    await page.waitForURL(/\/runs\/[^/?]+$/);
    const runId = runIdFrom(page);
    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "running");
    await expect(page.getByTestId("run-progress-label")).toHaveText(new RegExp(`of ${SCOPES} scopes finished`), {
      timeout: 20_000,
    });

    const viewer = await createUserViaApi(request, "viewer");
    const { context, page: viewerPage } = await signedInContext(browser, viewer.email, viewer.password);
    await viewerPage.goto(`/runs/${runId}`);
    await expect(viewerPage.getByTestId("run-status")).toHaveAttribute("data-status", "running");
    await expect(viewerPage.getByRole("button", { name: /Cancel/ })).toHaveCount(0);

    page.once("dialog", (dialog) => void dialog.accept());
    const cancelCall = nextActionCall(page, runId);
    await page.getByRole("button", { name: "Cancel run" }).click();
    const cancelRequest = await cancelCall;

    expect((await replayServerAction(context.request, cancelRequest)).status()).toBe(403);

    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "cancelled", { timeout: 45_000 });
    await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
    // The viewer's page follows the run to its end as well.
    await expect(viewerPage.getByTestId("run-status")).toHaveAttribute("data-status", "cancelled", { timeout: 10_000 });
    await context.close();
  } finally {
    await request.post(`${sim}/_sim/faults`, { data: { rules: [], ...saved } });
  }
});

test("with an MFA device, Run now asks for a code, shows a rejected code's error inline and runs with a valid one", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const user = simulatorMfaUser();
  const name = `MFA ${Date.now()}`;
  await createSimulatorConnection(page, name, user);
  const detailUrl = page.url();
  const code = page.getByLabel("MFA code for this run");
  const error = page.getByTestId("run-now-error");

  await page.getByRole("button", { name: "Run now" }).click();
  await expect(error).toHaveText("Enter the 6-digit code from the MFA device");
  await code.fill("12345");
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(error).toHaveText("The MFA code has 6 digits");

  const valid = await simulatorMfaCode(request, user.mfaSerial);
  await code.fill(String((Number(valid) + 1) % 1_000_000).padStart(6, "0"));
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(error).toContainText(/MFA|code/i);
  await expect(error).not.toContainText("Something went wrong");
  expect(page.url()).toBe(detailUrl);

  await code.fill(valid);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(page.locator('[data-testid="scope-row"][data-status="succeeded"]')).toHaveCount(SCOPES);

  // The MFA session bought by the code now lets Run now go without one.
  await page.goto(detailUrl);
  await expect(code).toHaveAttribute("placeholder", "MFA code (optional)");
});

test("a viewer's Runs page HTML carries no ARN from a failed run's message, while an admin's does", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // A role chain through a role that does not exist: the run fails at its first AWS call, and
  // the error quotes the caller's user ARN and the role ARN.
  const user = simulatorCredentials().users[0];
  const roleArn = `arn:aws:iam::${user.arn.split(":")[4]}:role/CirrusMissingHop${Date.now()}`;
  const name = `Failing run ${Date.now()}`;
  await page.goto("/connections/new");
  await fillWizard(page, name, user.secretAccessKey, user);
  const steps = page.getByRole("navigation", { name: "Steps" });
  await steps.getByRole("button", { name: "3. Roles" }).click();
  await page.getByRole("button", { name: "Add a role to the chain" }).click();
  await page.getByLabel("Hop 1 role ARN").fill(roleArn);
  await steps.getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("This account only").check();
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const connectionId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  const runId = runIdFrom(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
  await expect(page.getByTestId("run-error-message")).toContainText(roleArn);

  // The admin's list shows why (in the status badge's title); the viewer's has the run, not the ARNs.
  const adminList = await (await page.request.get("/runs")).text();
  expect(adminList).toContain(`run-row-${runId}`);
  expect(adminList).toContain(roleArn);
  const viewer = await createUserViaApi(request, "viewer");
  const { context } = await signedInContext(browser, viewer.email, viewer.password);
  const anyArn = /arn:aws:(iam|sts)::\d{12}:/;
  for (const path of ["/runs", `/runs?connection=${connectionId}`, `/runs/${runId}`, `/api/runs/${runId}`]) {
    const response = await context.request.get(path);
    expect(response.status(), path).toBe(200);
    const body = await response.text();
    expect(body, path).toContain(runId);
    expect(body, path).not.toContain(roleArn);
    expect(body, path).not.toMatch(anyArn);
  }
  await context.close();
});

test("a partial run says why in one line on the Runs list, for admins and viewers; its denied scope shows the request it made", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  // The demo world's one denied cell: the member role there lacks the databases' read call.
  const denied = DEMO_RDS_DENIED.aws;
  const why = `1 scope denied: ${RESOURCES["rds-db-instance"].aws.read} in ${denied.account} ${denied.region}`;
  const name = `Partial ${Date.now()}`;
  const connectionId = await createMemberRoleConnection(page, name, denied.account, [denied.region]);
  try {
    await runConnectionNow(page, connectionId, "partial");
    const runId = runIdFrom(page);
    await expect(page.getByTestId("run-reason")).toHaveText(why);
    const failedRow = page.locator('[data-testid="scope-row"][data-status="failed"]');
    await expect(failedRow).toHaveCount(1);
    await expect(failedRow).toContainText("AccessDenied");
    // Requests column: AWS refused the one call it got (denials are not retried), not "0".
    await expect(failedRow.locator("td").nth(6)).toHaveText("1");

    await page.goto(`/runs?connection=${connectionId}`);
    const row = page.getByTestId(`run-row-${runId}`);
    await expect(row.getByTestId("run-status")).toHaveAttribute("data-status", "partial");
    await expect(row.getByTestId("run-reason")).toHaveText(why);

    // A viewer reads the same line (built from what viewers may see: codes, accounts, regions).
    const viewer = await createUserViaApi(request, "viewer");
    const { context, page: viewerPage } = await signedInContext(browser, viewer.email, viewer.password);
    await viewerPage.goto(`/runs?connection=${connectionId}`);
    await expect(viewerPage.getByTestId(`run-row-${runId}`).getByTestId("run-reason")).toHaveText(why);
    await context.close();
  } finally {
    await deleteConnection(page, connectionId);
  }
});
