import { expect, test, type Page } from "@playwright/test";
import { RESOURCE_LIST } from "../lib/resources/registry";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";
import { signedInContext } from "./support/session";
import { createUserViaApi } from "./support/users";

test.use({ storageState: ADMIN_STATE });

// The values of one column on the current page, by its header's text.
async function columnValues(page: Page, header: string): Promise<string[]> {
  const headers = await page.getByTestId("inventory-table").locator("thead th").allInnerTexts();
  const index = headers.findIndex((text) => text.replace(/[▲▼]/g, "").trim().toLowerCase() === header.toLowerCase());
  expect(index, `column ${header} in ${headers.join("|")}`).toBeGreaterThanOrEqual(0);
  return page
    .getByTestId("inventory-row")
    .locator(`td:nth-child(${index + 1})`)
    .allInnerTexts();
}

test("instances: filter, sort, paginate, choose columns, reload keeps the view, drawer shows history; a viewer can view", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const name = `Inventory ${Date.now()}`;
  const connectionId = await createSimulatorConnection(page, name);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });

  // Only this test's connection: other specs collect into the same database.
  await page.goto(`/inventory/instances?connection=${connectionId}`);
  await expect(page.getByTestId("inventory-row").first()).toBeVisible();
  const allTotal = Number((await page.getByTestId("inventory-total").innerText()).split(" ")[0].replace(/,/g, ""));
  expect(allTotal).toBeGreaterThan(3);

  // Filter by a facet (a multi-select menu: one value ticked, then unticked).
  const filters = page.getByTestId("instances-filters");
  await filters.getByRole("button", { name: /^Licence model:/ }).click();
  const licence = filters
    .getByRole("group", { name: "Licence model" })
    .getByRole("checkbox", { name: "license-included", exact: true });
  await licence.check();
  await expect(page).toHaveURL(/licenceModel=license-included/);
  await expect(page.getByTestId("inventory-total")).not.toHaveText(new RegExp(`^${allTotal} rows`));
  expect(new Set(await columnValues(page, "Licence model"))).toEqual(new Set(["license-included"]));
  await licence.uncheck();
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/licenceModel=/);
  await expect(page.getByTestId("inventory-total")).toHaveText(new RegExp(`^${allTotal} rows`));

  // Sort server-side: vCPUs ascending, then descending.
  await page.getByRole("button", { name: "vCPUs" }).click();
  await expect(page).toHaveURL(/sort=vcpus/);
  await page.getByRole("button", { name: "vCPUs" }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(page.locator('th[aria-sort="descending"]')).toContainText("vCPUs");
  // The previous page stays on screen until the sorted one arrives.
  await expect
    .poll(async () => {
      const vcpus = (await columnValues(page, "vCPUs")).filter((text) => text !== "—").map(Number);
      return (
        vcpus.length > 1 &&
        vcpus.join() === [...vcpus].sort((a, b) => b - a).join() &&
        vcpus[0] !== vcpus[vcpus.length - 1]
      );
    })
    .toBe(true);

  // Paginate: the page size comes from the URL too (the connection's two regions hold few instances).
  await page.goto(`${page.url()}&pageSize=2`);
  await expect(page.getByTestId("inventory-row")).toHaveCount(2);
  await expect(page.getByLabel("Rows per page")).toHaveValue("2");
  const firstPageRows = await page.getByTestId("inventory-row").allTextContents();
  const rowCount = async () => (await page.getByTestId("inventory-total").textContent())!.split(" · ")[0];
  const firstRowCount = await rowCount();
  const nextRequest = page.waitForRequest((request) => /\/api\/inventory\/instances\?.*cursor=/.test(request.url()));
  await page.getByRole("button", { name: "Next" }).click();
  // Forward by keyset: the URL carries where page 2 starts, not only its number.
  await expect(page).toHaveURL(/page=2.*cursor=|cursor=.*page=2/);
  await expect(page.getByTestId("inventory-total")).toContainText("page 2 of");
  // Next keeps the view's total from page 1 instead of having the server count it again.
  expect(new URL((await nextRequest).url()).searchParams.get("count")).toBe("false");
  expect(await rowCount()).toBe(firstRowCount);
  const secondPageRows = await page.getByTestId("inventory-row").allTextContents();
  expect(secondPageRows).not.toEqual(firstPageRows);
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(page.getByTestId("inventory-total")).toContainText("page 1 of");
  await expect(page.getByTestId("inventory-row")).toHaveText(firstPageRows);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("inventory-total")).toContainText("page 2 of");
  await expect(page.getByTestId("inventory-row")).toHaveText(secondPageRows);

  // Choose columns: hide Launch time, show AZ; saved for this user.
  await page.getByText("Columns", { exact: true }).click();
  const chooser = page.getByTestId("column-chooser");
  await chooser.getByLabel("Launch time").uncheck();
  await chooser.getByLabel("AZ").check();
  await expect(chooser.getByRole("status")).toHaveText("Saved as your default");
  await expect(page.getByTestId("inventory-table").locator("thead")).toContainText("AZ");
  await expect(page.getByTestId("inventory-table").locator("thead")).not.toContainText("Launch time");

  // A reload keeps the view.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId("inventory-total")).toContainText("page 2 of");
  await expect(page.locator('th[aria-sort="descending"]')).toContainText("vCPUs");
  await expect(page.getByTestId("inventory-row")).toHaveCount(2);
  await expect(page.getByTestId("inventory-table").locator("thead")).toContainText("AZ");
  // Without columns in the URL, the saved choice applies.
  await page.goto(`/inventory/instances?connection=${connectionId}`);
  await expect(page.getByTestId("inventory-table").locator("thead")).toContainText("AZ");
  await expect(page.getByTestId("inventory-table").locator("thead")).not.toContainText("Launch time");
  await page.screenshot({ path: "/tmp/inventory-instances.png", fullPage: true });

  // The detail drawer: first seen, history, raw JSON; Escape closes it.
  await page.getByTestId("inventory-row").first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText("First seen");
  await expect(drawer.getByTestId("history")).toContainText(/created/i);
  // One row per resource: the drawer says which connections saw it (the filtered one did).
  await expect(drawer.getByTestId("seen-by")).toContainText(/still sees it/);
  await expect(drawer.getByTestId("raw-json")).toContainText("InstanceId");
  // The drawer always says where the vCPU figure came from (here: the instance's own CpuOptions).
  await expect(drawer.getByTestId("vcpu-source")).toContainText(/vCPUs\. From the instance's own CpuOptions/);
  await page.screenshot({ path: "/tmp/inventory-drawer.png" });
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);

  // The JSON API: a bad query is a 400 with field errors.
  const bad = await request.get("/api/inventory/instances?pageSize=999&sort=raw");
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.fieldErrors).sort()).toEqual(["pageSize", "sort"]);

  // A viewer can view the table and the drawer.
  const viewer = await createUserViaApi(request, "viewer");
  const { context, page: viewerPage } = await signedInContext(browser, viewer.email, viewer.password);
  await viewerPage.goto(`/inventory/instances?connection=${connectionId}&region=us-east-1`);
  await expect(viewerPage.getByTestId("inventory-row").first()).toBeVisible();
  await viewerPage.getByTestId("inventory-row").first().click();
  await expect(viewerPage.getByRole("dialog").getByTestId("raw-json")).toBeVisible();
  await context.close();
});

test("databases: the Oracle preset lists only Oracle engines", async ({ page }) => {
  await page.goto("/inventory/databases");
  const preset = page.getByRole("link", { name: "Oracle", exact: true });
  await expect(preset).toHaveAttribute("href", "/inventory/databases?engine=oracle-*");
  await page.goto("/inventory/databases?engine=oracle-*");
  const rows = page.getByTestId("inventory-row");
  await expect(page.getByTestId("inventory-total").or(page.getByTestId("empty-state"))).toBeVisible();
  if ((await rows.count()) === 0) {
    await expect(page.getByTestId("empty-state")).toBeVisible();
    return;
  }
  const engines = await columnValues(page, "Engine");
  expect(engines.every((engine) => engine.startsWith("oracle-"))).toBe(true);
});

test("hosts and reserved instances render their tables and open the drawer", async ({ page }) => {
  for (const type of ["hosts", "reserved-instances"]) {
    await page.goto(`/inventory/${type}`);
    const rows = page.getByTestId("inventory-row");
    await expect(page.getByTestId("inventory-total").or(page.getByTestId("empty-state"))).toBeVisible();
    if ((await rows.count()) === 0) continue;
    await rows.first().click();
    await expect(page.getByRole("dialog").getByTestId("raw-json")).not.toBeEmpty();
    await page.getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }
});

test("the navigation lists every resource type, each page is titled from its definition, and an unknown type is not found", async ({
  page,
}) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const { slug, labels } of RESOURCE_LIST) {
    await nav.getByRole("link", { name: labels.nav, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/inventory/${slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(labels.title);
    await expect(page).toHaveTitle(new RegExp(labels.title));
  }
  expect((await page.goto("/inventory/no-such-type"))?.status()).toBe(404);
});
