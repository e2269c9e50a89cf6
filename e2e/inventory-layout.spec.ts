import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ALL_COLUMNS } from "../lib/inventory/query/columns";
import { RESOURCE_LIST } from "../lib/resources/registry";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";
import { simulatorCredentials } from "./support/simulator";

test.use({ storageState: ADMIN_STATE });

// Issue 12 items 7 and 8: an inventory table scrolls inside its own box (header row and first
// column sticky) and the page never scrolls sideways; Stale and Removed sit beside the ID.

type ApiRow = { resourceId: string; accountId: string; region: string };

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

const pageWidth = (page: Page) => page.evaluate(() => ({ document: document.documentElement.scrollWidth, window: window.innerWidth }));

async function waitForTable(page: Page) {
  await expect(page.getByTestId("inventory-table").or(page.getByTestId("empty-state"))).toBeVisible();
}

test("no inventory page scrolls sideways at 1024, 1440 or 1920 px; the table scrolls in its box with a sticky header and first column; Stale shows beside the ID", async ({ page, request }) => {
  test.setTimeout(240_000);
  const connectionId = await createSimulatorConnection(page, `Layout ${Date.now()}`);
  await runNow(page, connectionId, "succeeded");
  // eu-west-1 of the connection's account fails once it has been read: its rows turn stale.
  const listed = await request.get(`/api/v1/instances?connection=${connectionId}&region=eu-west-1&limit=1`);
  const [sample] = ((await listed.json()) as { data: ApiRow[] }).data;
  expect(sample, "an instance in eu-west-1").toBeTruthy();
  await setFaults(request, [{ selector: { account: sample.accountId, region: "eu-west-1", api: "ec2:*" }, fail: { code: "UnauthorizedOperation", status: 403, message: "Not authorized (e2e)" } }]);
  try {
    await runNow(page, connectionId, "partial");
  } finally {
    await setFaults(request, []);
  }

  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    for (const { slug } of RESOURCE_LIST) {
      // The default columns, then every column the type has: the widest table there is.
      for (const search of [`connection=${connectionId}`, `connection=${connectionId}&columns=${ALL_COLUMNS[slug as keyof typeof ALL_COLUMNS].join(",")}`]) {
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
  const sizes = await box.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(sizes.scrollWidth, "every column does not fit 1024 px: the box scrolls").toBeGreaterThan(sizes.clientWidth);
  expect(await pageWidth(page)).toEqual({ document: 1024, window: 1024 });
  await box.evaluate((element) => element.scrollTo({ left: element.scrollWidth, top: element.scrollHeight }));
  await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
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
  await expect(page.getByTestId("inventory-total")).toHaveText(new RegExp(`^${await total(request, "instances", `connection=${connectionId}`)} rows`));
});
