import { expect, test, type Page } from "@playwright/test";
import { DEMO_RDS_DENIED } from "../simulator/src/world/demo/layout";
import { ADMIN_STATE, E2E_ADMIN } from "./support/env";
import { signedInContext } from "./support/session";
import { simulatorCredentials } from "./support/simulator";
import { createUserViaApi } from "./support/users";

test.use({ storageState: ADMIN_STATE });

// The demo world's one denied cell (the world declares it; the account is not typed here).
const denied = DEMO_RDS_DENIED.aws;
const scope = `${denied.account}|${denied.region}|rds-db-instance`;
const REASON = "An SCP denies RDS in this region (e2e)";

// A dedicated connection to the denied account's member role, in the denied region only, so
// other specs' figures are untouched once it is deleted at the end.
async function createDeniedCellConnection(page: Page, name: string): Promise<string> {
  const sim = simulatorCredentials() as ReturnType<typeof simulatorCredentials> & {
    roles: { arn: string; externalId?: string }[];
  };
  const role = sim.roles.find((candidate) => candidate.arn.includes(`::${denied.account}:role/`))!;
  const user = sim.users[0];
  await page.goto("/connections/new");
  const steps = page.getByRole("navigation", { name: "Steps" });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await steps.getByRole("button", { name: "2. Credentials" }).click();
  await page.getByLabel("Access key ID").fill(user.accessKeyId);
  await page.getByLabel("Secret access key").fill(user.secretAccessKey);
  await steps.getByRole("button", { name: "3. Roles" }).click();
  await page.getByText("Enter my own external ID").click();
  await page.getByLabel("External ID", { exact: true }).fill(role.externalId!);
  await steps.getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("A list of member roles").check();
  await page.getByLabel("Member role ARNs").fill(role.arn);
  await steps.getByRole("button", { name: "5. Regions" }).click();
  await page.getByLabel("Chosen regions").check();
  await page.getByLabel(denied.region, { exact: true }).check();
  await steps.getByRole("button", { name: "6. Proxy & schedule" }).click();
  await page.getByLabel("Custom endpoint URL (optional)").fill(sim.endpoint);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function runNow(page: Page, connectionId: string, status: string) {
  await page.goto(`/connections/${connectionId}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", status, { timeout: 60_000 });
}

test("the denied RDS cell shows on Coverage, the Overview's Oracle panel and Databases; excluded, the run succeeds and the banner says so; included again, it is planned again", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const name = `Coverage ${Date.now()}`;
  const connectionId = await createDeniedCellConnection(page, name);
  try {
    await runNow(page, connectionId, "partial");

    // Coverage: denied, naming the action; the admin sees AWS's message and the Exclude action.
    await page.goto("/coverage");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Coverage" })).toBeVisible();
    const row = page.locator(`[data-testid="coverage-row"][data-scope="${scope}"]`);
    await expect(row).toHaveAttribute("data-status", "denied");
    await expect(row).toContainText("rds:DescribeDBInstances");
    await expect(row).toContainText("AccessDenied");

    // The banner where the figures are: the Overview's Oracle panel, and the Databases page.
    await page.goto("/");
    const oracle = page.getByTestId("coverage-banner-oracle");
    await expect(oracle.getByTestId("coverage-gaps")).toContainText(
      `RDS in ${denied.account} ${denied.region} could not be read`,
    );
    await expect(oracle).toContainText("Oracle figures may be incomplete");
    await expect(oracle.getByRole("link", { name: "See coverage" })).toHaveAttribute("href", "/coverage");
    await page.goto("/inventory/databases");
    await expect(page.getByTestId("coverage-banner").getByTestId("coverage-gaps")).toContainText(
      "denied: rds:DescribeDBInstances",
    );

    // A viewer sees the cell and the action, not AWS's text (it quotes the role ARN), and cannot exclude.
    const viewer = await createUserViaApi(request, "viewer", "coverage-viewer");
    const { context, page: viewerPage } = await signedInContext(browser, viewer.email, viewer.password);
    await viewerPage.goto("/coverage");
    const viewerRow = viewerPage.locator(`[data-testid="coverage-row"][data-scope="${scope}"]`);
    await expect(viewerRow).toContainText("rds:DescribeDBInstances");
    await expect(viewerRow).not.toContainText("arn:aws");
    await expect(viewerPage.getByRole("button", { name: /Exclude/ })).toHaveCount(0);
    await context.close();

    // Exclude with a reason: the next run does not call it and succeeds; the banner informs.
    await page.goto("/coverage");
    await row.getByRole("button", { name: /Exclude/ }).click();
    // Three characters for the browser, one after the server trims it: the server refuses it.
    await row.getByLabel(/Why is/).fill("  x ");
    await row.getByRole("button", { name: "Exclude", exact: true }).click();
    await expect(row.getByTestId("exclude-error")).toContainText("at least 3 characters");
    await row.getByLabel(/Why is/).fill(REASON);
    await row.getByRole("button", { name: "Exclude", exact: true }).click();
    await expect(row).toHaveAttribute("data-status", "excluded");
    await expect(row).toContainText(`Excluded by ${E2E_ADMIN.email}`);
    await runNow(page, connectionId, "succeeded");
    await page.goto("/inventory/databases");
    await expect(page.getByTestId("coverage-banner").getByTestId("coverage-gaps")).toHaveCount(0);
    await expect(page.getByTestId("coverage-banner").getByTestId("coverage-excluded")).toContainText(
      `is excluded by ${E2E_ADMIN.email}`,
    );
    await expect(page.getByTestId("coverage-banner").getByTestId("coverage-excluded")).toContainText(REASON);

    // Included again: planned again, so the run is partial and the cell denied again.
    await page.goto("/coverage");
    await row.getByRole("button", { name: /Include .* again/ }).click();
    await expect(page.getByTestId("alert-success")).toContainText(
      "Included again: the scope is planned from the next run",
    );
    await expect(
      page.locator(`[data-testid="coverage-row"][data-scope="${scope}"][data-status="excluded"]`),
    ).toHaveCount(0);
    await runNow(page, connectionId, "partial");
    await page.goto("/coverage");
    await expect(row).toHaveAttribute("data-status", "denied");
  } finally {
    // Other specs read the demo world's figures: this connection's resources leave with it.
    await page.goto(`/connections/${connectionId}`);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await page.waitForURL(/\/connections$/);
  }
});
