import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";

test.use({ storageState: ADMIN_STATE });

// Issue 12 item 9: multi-select filters, menus that close like menus, a toggle that applies at
// once, a drawer that keeps focus, outlined focused rows, skeletons while loading.

type Row = { fields: Record<string, unknown> };

async function collected(page: Page): Promise<string> {
  const connectionId = await createSimulatorConnection(page, `Filters ${Date.now()}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  return connectionId;
}

async function total(request: APIRequestContext, search: string): Promise<number> {
  const response = await request.get(`/api/inventory/instances?${search}`);
  expect(response.ok(), search).toBe(true);
  return ((await response.json()) as { total: number }).total;
}

const shownTotal = async (page: Page) =>
  Number((await page.getByTestId("inventory-total").innerText()).split(" ")[0].replace(/,/g, ""));

test("a multi-select filter lists the union of its values; Export, Columns and filter menus close on Escape and outside click and never open together", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const connectionId = await collected(page);
  const all = (
    (await (await request.get(`/api/inventory/instances?connection=${connectionId}&pageSize=200`)).json()) as {
      rows: Row[];
    }
  ).rows;
  const types = [...new Set(all.map((row) => String(row.fields.instanceType)))].sort();
  expect(types.length, "the connection's instances have several types").toBeGreaterThan(2);
  const [first, second] = types;
  const union = await total(request, `connection=${connectionId}&instanceType=${first}&instanceType=${second}`);
  expect(union).toBe(
    (await total(request, `connection=${connectionId}&instanceType=${first}`)) +
      (await total(request, `connection=${connectionId}&instanceType=${second}`)),
  );

  await page.goto(`/inventory/instances?connection=${connectionId}`);
  await expect(page.getByTestId("inventory-row").first()).toBeVisible();
  const filters = page.getByTestId("instances-filters");
  const typeMenu = filters.getByRole("button", { name: /^Type \/ class:/ });
  await typeMenu.click();
  const typeOptions = filters.getByRole("group", { name: "Type / class" });
  await typeOptions.getByRole("checkbox", { name: first, exact: true }).check();
  await expect(page).toHaveURL(new RegExp(`instanceType=${first.replace(".", "\\.")}`));
  // The menu stays open for the next tick.
  await typeOptions.getByRole("checkbox", { name: second, exact: true }).check();
  await expect(page.getByTestId("inventory-total")).toHaveText(new RegExp(`^${union} rows?`));
  expect(new URL(page.url()).searchParams.getAll("instanceType").sort()).toEqual([first, second]);
  await expect(typeMenu).toContainText("2 selected");
  const shownTypes = await page
    .getByTestId("inventory-row")
    .locator(`td:nth-child(${(await headerIndex(page, "Type")) + 1})`)
    .allInnerTexts();
  expect(new Set(shownTypes)).toEqual(new Set([first, second]));

  // Escape closes the filter menu, focus back on its button.
  await page.keyboard.press("Escape");
  await expect(typeOptions).toHaveCount(0);
  await expect(typeMenu).toBeFocused();
  // A reload keeps both values ticked.
  await page.reload();
  await expect(page.getByTestId("inventory-total")).toHaveText(new RegExp(`^${union} rows?`));
  await typeMenu.click();
  await expect(typeOptions.getByRole("checkbox", { name: first, exact: true })).toBeChecked();
  await expect(typeOptions.getByRole("checkbox", { name: second, exact: true })).toBeChecked();
  // An outside click closes it.
  await page.getByRole("heading", { level: 1 }).click();
  await expect(typeOptions).toHaveCount(0);

  // Export and Columns: one open at a time, Escape and outside click close either.
  const exportMenu = page.getByTestId("export-menu");
  const columnMenu = page.getByTestId("column-chooser");
  await exportMenu.getByRole("button", { name: "Export" }).click();
  await expect(exportMenu.getByRole("link", { name: /^CSV/ })).toBeVisible();
  await columnMenu.getByRole("button", { name: "Columns" }).click();
  await expect(columnMenu.getByLabel("AZ")).toBeVisible();
  await expect(exportMenu.getByRole("link", { name: /^CSV/ })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(columnMenu.getByLabel("AZ")).toHaveCount(0);
  await expect(columnMenu.getByRole("button", { name: "Columns" })).toBeFocused();
  // (Region: the first filter, never under the right-aligned Export panel.)
  const regionMenu = filters.getByRole("button", { name: /^Region:/ });
  await exportMenu.getByRole("button", { name: "Export" }).click();
  await regionMenu.click();
  await expect(exportMenu.getByRole("link", { name: /^CSV/ })).toHaveCount(0);
  await expect(filters.getByRole("group", { name: "Region" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(filters.getByRole("group", { name: "Region" })).toHaveCount(0);
  await exportMenu.getByRole("button", { name: "Export" }).click();
  await page.getByTestId("inventory-total").click();
  await expect(exportMenu.getByRole("link", { name: /^CSV/ })).toHaveCount(0);
  // The export link carries both values.
  await exportMenu.getByRole("button", { name: "Export" }).click();
  const href = await exportMenu.getByRole("link", { name: /^CSV/ }).getAttribute("href");
  expect(new URLSearchParams(href!.split("?")[1]).getAll("instanceType").sort()).toEqual([first, second]);

  // Clearing the filter brings every row back.
  await page.keyboard.press("Escape");
  await typeMenu.click();
  await typeOptions.getByRole("button", { name: /^Clear/ }).click();
  await expect(page.getByTestId("inventory-total")).toHaveText(
    new RegExp(`^${await total(request, `connection=${connectionId}`)} rows`),
  );
});

test("Include removed applies without reloading the page; loading shows a skeleton; the drawer keeps focus, names fields in words, and a focused row is outlined", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const connectionId = await collected(page);
  const live = await total(request, `connection=${connectionId}`);

  // The first page of rows is held back: the skeleton shows meanwhile, never "Loading…".
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/inventory/instances?**", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/inventory/instances?connection=${connectionId}`);
  await expect(page.getByTestId("inventory-skeleton")).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
  release();
  await expect(page.getByTestId("inventory-row").first()).toBeVisible();
  await expect(page.getByTestId("inventory-skeleton")).toHaveCount(0);
  await page.unroute("**/api/inventory/instances?**");
  expect(await shownTotal(page)).toBe(live);

  // The toggle is a client-side change: no server render of this page (what took ~0.5 s), only
  // the list. Navigation links may prefetch pages meanwhile, this one included (the sidebar's
  // Instances link, without the view's query): a prefetch is not a render the toggle asked for.
  const pageRenders: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (
      headers["rsc"] === "1" &&
      !headers["next-router-prefetch"] &&
      new URL(request.url()).pathname === "/inventory/instances"
    )
      pageRenders.push(request.url());
  });
  const include = page.getByLabel("Include removed");
  await include.check();
  await expect(include).toBeChecked();
  await expect(page).toHaveURL(/includeRemoved=true/);
  await expect(page.getByTestId("inventory-total")).toHaveText(
    new RegExp(`^${await total(request, `connection=${connectionId}&includeRemoved=true`)} rows`),
  );
  await include.uncheck();
  await expect(page).not.toHaveURL(/includeRemoved/);
  expect(pageRenders).toEqual([]);

  // A focused row shows an outline; Enter opens the drawer.
  const row = page.getByTestId("inventory-row").first();
  await row.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(row).toBeFocused();
  const outline = await row.evaluate((element) => getComputedStyle(element));
  expect(outline.outlineStyle).toBe("solid");
  expect(outline.outlineWidth).toBe("2px");
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByTestId("raw-json")).toBeVisible();
  // Fields in words: the table's labels, not the stored names.
  await expect(drawer).toContainText("Licence model");
  await expect(drawer).toContainText("Instance ID");
  expect(await drawer.locator("dt").allInnerTexts()).not.toContain("licenceModel");

  // Tab and Shift+Tab stay inside the drawer.
  const focusables = await drawer.locator("a[href], button, input, select, textarea, [tabindex='0']").count();
  for (let step = 0; step < focusables + 2; step++) {
    await page.keyboard.press("Tab");
    expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  for (let step = 0; step < 3; step++) {
    await page.keyboard.press("Shift+Tab");
    expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  // Escape closes it, and focus goes back to the row that opened it.
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(row).toBeFocused();
});

async function headerIndex(page: Page, header: string): Promise<number> {
  const headers = await page.getByTestId("inventory-table").locator("thead th").allInnerTexts();
  const index = headers.findIndex((text) => text.replace(/[▲▼]/g, "").trim().toLowerCase() === header.toLowerCase());
  expect(index, `column ${header} in ${headers.join("|")}`).toBeGreaterThanOrEqual(0);
  return index;
}
