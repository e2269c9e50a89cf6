import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { csvObjects } from "../tests/support/parse-csv";
import { ADMIN_STATE } from "./support/env";
import { signedInContext } from "./support/session";
import { createUserViaApi } from "./support/users";

test.use({ storageState: ADMIN_STATE });

test("an admin filters the audit log by action and text, reads an event's full detail, and exports the filtered rows as CSV", async ({
  page,
  request,
  browser,
}) => {
  const viewer = await createUserViaApi(request, "viewer", "audited");
  const other = await createUserViaApi(request, "viewer", "audited");

  await page.goto("/settings/audit-log");
  await page.getByLabel("Action").selectOption("user.created");
  await expect(page).toHaveURL(/action=user\.created/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  // Only that action, and both users just created are among the rows.
  for (const action of await rows.locator("td:nth-child(2)").allInnerTexts()) expect(action).toBe("user.created");
  await expect(rows.filter({ hasText: viewer.email })).toHaveCount(1);
  await expect(rows.filter({ hasText: other.email })).toHaveCount(1);

  // Free text narrows to one user; its detail opens in full, one line per field.
  await page.getByLabel("Search").fill(viewer.email.toUpperCase());
  await page.getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect(rows).toHaveCount(1);
  await rows.getByRole("button", { name: /Show details/ }).click();
  const details = page.getByTestId("audit-event-details");
  await expect(details).toContainText("Target");
  await expect(details).toContainText(viewer.email);
  await expect(details.locator("dt", { hasText: "role" }).locator("xpath=following-sibling::dd[1]")).toHaveText(
    "viewer",
  );

  // The export holds exactly the filtered rows, in the table's order.
  await page.getByLabel("Search").fill("");
  await page.getByLabel("Search").press("Enter");
  await expect(rows.filter({ hasText: other.email })).toHaveCount(1);
  const shownIds = await rows.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute("data-event-id")),
  );
  const total = Number((await page.getByTestId("audit-total").innerText()).split(" ")[0]);
  await expect(page.getByTestId("audit-export")).toContainText("(filtered)");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
  expect(file.suggestedFilename()).toMatch(/^cirrus-audit-log-\d{8}-\d{6}\.csv$/);
  const bytes = fs.readFileSync(await file.path());
  const records = csvObjects(bytes.subarray(3).toString("utf8"));
  expect(records).toHaveLength(total);
  expect(records.slice(0, shownIds.length).map((record) => record.id)).toEqual(shownIds);
  for (const record of records) expect(record.action).toBe("user.created");
  expect(records.find((record) => record.target === viewer.email)?.details).toBe(JSON.stringify({ role: "viewer" }));

  // The download is audited, with its filter and row count.
  await page.goto("/settings/audit-log?action=audit.exported");
  await rows
    .first()
    .getByRole("button", { name: /Show details/ })
    .click();
  await expect(page.getByTestId("audit-event-details")).toContainText("user.created");
  await expect(details.locator("dt", { hasText: "rowCount" }).locator("xpath=following-sibling::dd[1]")).toHaveText(
    String(total),
  );

  // Viewers get neither the page nor the file.
  const { context } = await signedInContext(browser, viewer.email, viewer.password);
  expect((await context.request.get("/api/audit-log/export?action=user.created")).status()).toBe(403);
  await context.close();
});
