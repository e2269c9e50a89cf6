import { expect, test } from "@playwright/test";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";

test.use({ storageState: ADMIN_STATE });

type ApiRow = { id: string; resourceId: string; fields: Record<string, unknown> };

// A DB instance is identified by its DbiResourceId (issue 11): the table lists it by identifier,
// the drawer opens on the resource and names both.
test("databases: rows are named by identifier, the drawer shows the DB's resource ID and history", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const connectionId = await createSimulatorConnection(page, `Databases ${Date.now()}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });

  const api = await request.get(`/api/inventory/databases?connection=${connectionId}&pageSize=100`);
  expect(api.ok()).toBe(true);
  const rows = ((await api.json()) as { rows: ApiRow[] }).rows;
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.resourceId).toBe(row.fields.dbiResourceId);
  const [db] = rows;
  const name = String(db.fields.dbInstanceIdentifier);

  await page.goto(`/inventory/databases?connection=${connectionId}`);
  await expect(page.getByTestId("inventory-row").first()).toBeVisible();
  const headers = await page.getByTestId("inventory-table").locator("thead th").allInnerTexts();
  expect(headers[0].replace(/[▲▼]/g, "").trim().toLowerCase()).toBe("db identifier");
  const tableRow = page.getByTestId("inventory-row").filter({ hasText: name }).first();
  await tableRow.click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("heading", { level: 2 })).toHaveText(db.resourceId);
  await expect(drawer).toContainText(name);
  await expect(drawer.getByTestId("history")).toContainText(/created/i);
  await expect(drawer.getByTestId("raw-json")).toContainText(db.resourceId);
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
});
