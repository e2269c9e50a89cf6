import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_RDS_DENIED } from "../simulator/src/world/demo/layout";
import { fillWizard } from "./support/connections";
import { ADMIN_STATE } from "./support/env";
import { simulatorCredentials } from "./support/simulator";

test.use({ storageState: ADMIN_STATE });

const FINE = ["ok", "skipped", "region-not-enabled"];

// The wizard for the simulator's first user reading every member role, with the external ID
// those roles already trust entered on the Roles step, as an admin with existing roles would.
async function fillMemberRolesWizard(page: Page, name: string) {
  const sim = simulatorCredentials();
  const user = sim.users[0];
  await page.goto("/connections/new");
  await fillWizard(page, name, user.secretAccessKey, user);
  const steps = page.getByRole("navigation", { name: "Steps" });
  await steps.getByRole("button", { name: "3. Roles" }).click();
  await page.getByText("Enter my own external ID").click();
  await page.getByLabel("External ID", { exact: true }).fill(sim.roles[0].externalId!);
  await steps.getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("A list of member roles").check();
  await page.getByLabel("Member role ARNs").fill(sim.roles.map((role) => role.arn).join("\n"));
  return { sim, user, externalId: sim.roles[0].externalId! };
}

async function runTest(page: Page) {
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-outcome")).toHaveAttribute("data-outcome", /passed|failed/, { timeout: 30_000 });
}

async function downloadPolicy(page: Page, tab: string): Promise<string> {
  const policies = page.getByTestId("wizard-policies");
  await policies.getByRole("tab", { name: tab }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    policies.getByRole("button", { name: "Download" }).click(),
  ]);
  return fs.readFileSync((await download.path())!, "utf8");
}

test("the Roles step says where the external ID goes and that an existing one can be entered", async ({ page }) => {
  await page.goto("/connections/new");
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "3. Roles" }).click();
  const generated = await page.getByLabel("External ID", { exact: true }).inputValue();
  const explained = page.getByTestId("external-id-explained");
  await expect(explained).toContainText(`"sts:ExternalId": "${generated}"`);
  await expect(explained).toContainText("trust policy");
  await expect(explained).toContainText("enter that one instead");
  await expect(page.getByLabel("External ID", { exact: true })).toHaveAttribute("readonly", "");
  await page.getByText("Enter my own external ID").click();
  await expect(page.getByLabel("External ID", { exact: true })).toBeEditable();
});

test("policies are offered from the Accounts step and download before saving, with the tested caller's ARN and the external ID", async ({
  page,
}) => {
  const name = `Policies ${Date.now()}`;
  const { sim, user, externalId } = await fillMemberRolesWizard(page, name);
  const policies = page.getByTestId("wizard-policies");
  await expect(policies).toBeVisible();
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "3. Roles" }).click();
  await expect(policies).toHaveCount(0);
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "4. Accounts" }).click();

  // Before any test the principal is unknown: a placeholder, and a note saying how to fill it.
  await policies.getByRole("tab", { name: "Member role trust policy" }).click();
  await expect(policies.getByTestId("policy-document")).toContainText("<ACCOUNT_ID>");
  await expect(policies.getByTestId("policy-notes")).toContainText("Run Test Connection");

  await runTest(page);
  await expect(policies.getByTestId("policies-principal")).toContainText(user.arn);
  await expect(policies.getByTestId("policy-document")).toContainText(user.arn);

  const trust = JSON.parse(await downloadPolicy(page, "Member role trust policy"));
  expect(trust.Statement[0].Principal).toEqual({ AWS: user.arn });
  expect(trust.Statement[0].Condition.StringEquals["sts:ExternalId"]).toBe(externalId);
  const base = JSON.parse(await downloadPolicy(page, "Base principal policy"));
  const assume = base.Statement.find((statement: { Sid: string }) => statement.Sid === "AssumeMemberRoles");
  expect(assume.Resource).toEqual(sim.roles.map((role) => role.arn));
  const member = JSON.parse(await downloadPolicy(page, "Member role permissions"));
  expect(member.Statement[0].Action).toContain("rds:DescribeDBInstances");
  const template = await downloadPolicy(page, "CloudFormation (StackSets)");
  expect(template).toContain(`Default: "${user.arn}"`);
  expect(template).toContain(`Default: "${externalId}"`);

  // Nothing was saved to get them.
  expect(new URL(page.url()).pathname).toBe("/connections/new");
  await page.goto("/connections");
  await expect(page.getByTestId(`connection-row-${name}`)).toHaveCount(0);
});

test("the test result opens with a summary matching the checklist, problems first, each linking to its cell", async ({
  page,
}) => {
  const { sim } = await fillMemberRolesWizard(page, `Summary ${Date.now()}`);
  await runTest(page);
  const list = page.getByTestId("test-panel").getByTestId("check-list");
  const checks = list.locator("[data-check-id]");
  const statuses = await checks.evaluateAll((elements) =>
    elements.map((element) => ({
      id: element.getAttribute("data-check-id")!,
      status: element.getAttribute("data-status")!,
    })),
  );
  const problems = statuses.filter((check) => !FINE.includes(check.status));

  // Accounts and regions from the world and the form; the denied cell the demo world declares.
  const denied = DEMO_RDS_DENIED.aws;
  await expect(list.getByTestId("summary-accounts")).toHaveText(String(sim.roles.length));
  await expect(list.getByTestId("summary-regions")).toHaveText("2");
  await expect(list.getByTestId("summary-passed")).toContainText(
    `${statuses.filter((check) => check.status === "ok").length} of ${statuses.length}`,
  );
  await expect(list.getByTestId("summary-problems")).toHaveText(String(problems.length));
  expect(problems.map((check) => check.id)).toContain(`api:${denied.account}:${denied.region}:rds:DescribeDBInstances`);
  await expect(page.getByTestId("test-outcome")).toContainText(`${problems.length} problem`);
  await expect(page.getByTestId("test-panel")).not.toContainText("marked above");

  // The problems come before the checklist, in its order, and each link lands on its cell.
  const listed = list.getByTestId("test-problem");
  await expect(listed).toHaveCount(problems.length);
  expect(await listed.evaluateAll((items) => items.map((item) => item.getAttribute("data-problem-id")))).toEqual(
    problems.map((check) => check.id),
  );
  const firstCheck = await checks.first().boundingBox();
  expect((await listed.first().boundingBox())!.y).toBeLessThan(firstCheck!.y);
  for (const problem of problems) {
    await list.locator(`[data-testid="test-problem"][data-problem-id="${problem.id}"]`).getByRole("link").click();
    expect(await page.evaluate(() => document.querySelector(":target")?.getAttribute("data-check-id"))).toBe(
      problem.id,
    );
    await expect(list.locator(`[data-check-id="${problem.id}"]`)).toBeInViewport();
  }
});
