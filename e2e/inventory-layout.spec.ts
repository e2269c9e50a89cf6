import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ALL_COLUMNS } from "../lib/inventory/query/columns";
import { RESOURCE_LIST } from "../lib/resources/registry";
import { ADMIN_STATE } from "./support/env";
import { simulatorCredentials } from "./support/simulator";

test.use({ storageState: ADMIN_STATE });

// Issue 12 items 7 and 8: an inventory table scrolls inside its own box (header row and first
// column sticky) and the page never scrolls sideways; Stale and Removed sit beside the ID.

async function runNow(page: Page, connectionId: string, expected: "succeeded" | "partial") {
  await page.goto(`/connections/${connectionId}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", expected, { timeout: 60_000 });
}

// The simulator's fault rules apply to every caller: set, then always cleared.
async function setFaults(request: APIRequestContext, rules: unknown[]) {
  const response = await request.post(`${simulatorCredentials().endpoint}/_sim/faults`, { data: { rules } });
  expect(response.ok()).toBe(true);
}

async function total(request: APIRequestContext, type: string, search: string): Promise<number> {
  const response = await request.get(`/api/inventory/${type}?${search}`);
  expect(response.ok(), search).toBe(true);
  return ((await response.json()) as { total: number }).total;
}

const pageWidth = (page: Page) =>
  page.evaluate(() => ({ document: document.documentElement.scrollWidth, window: window.innerWidth }));

async function waitForTable(page: Page) {
  await expect(page.getByTestId("inventory-table").or(page.getByTestId("empty-state"))).toBeVisible();
}

// A connection of its own to one member account in one region, so that scope's rows turn stale
// when it fails: another connection covering the scope and reading it would keep it current.
// (The steps are the wizard's, as e2e/coverage.spec.ts takes them.)
const STALE_REGION = "us-west-2";
async function createMemberRoleConnection(
  page: Page,
  name: string,
): Promise<{ connectionId: string; account: string }> {
  const sim = simulatorCredentials();
  const role = sim.roles[sim.roles.length - 1];
  const account = role.arn.split(":")[4];
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
  await page.getByLabel(STALE_REGION, { exact: true }).check();
  await steps.getByRole("button", { name: "6. Proxy & schedule" }).click();
  await page.getByLabel("Custom endpoint URL (optional)").fill(sim.endpoint);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return { connectionId: new URL(page.url()).pathname.split("/").pop()!, account };
}

test("no inventory page scrolls sideways at 1024, 1440 or 1920 px; the table scrolls in its box with a sticky header and first column; Stale shows beside the ID", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const { connectionId, account } = await createMemberRoleConnection(page, `Layout ${Date.now()}`);
  try {
    await runNow(page, connectionId, "succeeded");
    // Its one scope fails once it has been read: the rows are kept as last seen, stale.
    await setFaults(request, [
      {
        selector: { account, region: STALE_REGION, api: "ec2:*" },
        fail: { code: "UnauthorizedOperation", status: 403, message: "Not authorized (e2e)" },
      },
    ]);
    try {
      await runNow(page, connectionId, "partial");
    } finally {
      await setFaults(request, []);
    }
    await checkLayout(page, request, connectionId);
  } finally {
    // Other specs read the demo world's figures: this connection's resources leave with it.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/connections/${connectionId}`);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await page.waitForURL(/\/connections$/);
  }
});

async function checkLayout(page: Page, request: APIRequestContext, connectionId: string) {
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    for (const { slug } of RESOURCE_LIST) {
      // The default columns, then every column the type has: the widest table there is.
      for (const search of [
        `connection=${connectionId}`,
        `connection=${connectionId}&columns=${ALL_COLUMNS[slug as keyof typeof ALL_COLUMNS].join(",")}`,
      ]) {
        await page.goto(`/inventory/${slug}?${search}`);
        await waitForTable(page);
        expect(await pageWidth(page), `${slug} at ${width} px (${search})`).toEqual({ document: width, window: width });
      }
    }
  }

  // Stale only: the rows the API calls stale, each with its badge in the first column, in view.
  await page.setViewportSize({ width: 1024, height: 768 });
  const staleTotal = await total(request, "instances", `connection=${connectionId}&stale=true`);
  expect(staleTotal).toBeGreaterThan(0);
  await page.goto(`/inventory/instances?connection=${connectionId}&columns=${ALL_COLUMNS.instances.join(",")}`);
  await waitForTable(page);
  await page.getByLabel("Stale only").check();
  await expect(page).toHaveURL(/stale=true/);
  await expect(page.getByTestId("inventory-total")).toHaveText(new RegExp(`^${staleTotal} rows?`));
  const rows = page.getByTestId("inventory-row");
  await expect(rows).toHaveCount(Math.min(staleTotal, 50));
  const firstCells = rows.locator("td:first-child");
  for (const cell of await firstCells.all()) await expect(cell.getByTestId("stale-badge")).toBeVisible();
  const badge = firstCells.first().getByTestId("stale-badge");
  await expect(badge).toBeInViewport();

  // The table scrolls inside its box, the page does not; scrolled fully right and down, the
  // first column (with its badge) and the header row stay in view.
  const box = page.getByTestId("inventory-scroll");
  const sizes = await box.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(sizes.scrollWidth, "every column does not fit 1024 px: the box scrolls").toBeGreaterThan(sizes.clientWidth);
  expect(await pageWidth(page)).toEqual({ document: 1024, window: 1024 });
  await box.evaluate((element) => element.scrollTo({ left: element.scrollWidth, top: element.scrollHeight }));
  await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  // The whole box in the window (it is shorter than the window), then: the last row's badge shows.
  await box.evaluate((element) => element.scrollIntoView({ block: "end" }));
  const boxRect = (await box.boundingBox())!;
  await expect(firstCells.last().getByTestId("stale-badge")).toBeInViewport();
  const badgeRect = (await badge.boundingBox())!;
  expect(badgeRect.x).toBeGreaterThanOrEqual(boxRect.x);
  expect(badgeRect.x + badgeRect.width).toBeLessThanOrEqual(boxRect.x + boxRect.width);
  const headerRect = (await page.getByTestId("inventory-table").locator("thead th").first().boundingBox())!;
  expect(Math.abs(headerRect.y - boxRect.y)).toBeLessThanOrEqual(2);
  expect(Math.abs(headerRect.x - boxRect.x)).toBeLessThanOrEqual(2);
  await page.screenshot({ path: "/tmp/inventory-stale-1024.png" });

  // Unticked, the current rows are back, with no stale badge among the first page's.
  await page.getByLabel("Stale only").uncheck();
  await expect(page).not.toHaveURL(/stale=/);
  await expect(page.getByTestId("inventory-total")).toHaveText(
    new RegExp(`^${await total(request, "instances", `connection=${connectionId}`)} rows`),
  );
}
