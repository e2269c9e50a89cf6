import { expect, test } from "@playwright/test";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";

test.use({ storageState: ADMIN_STATE });

// Issue 10 item 3 through the UI: an edit that moves the endpoint asks for the stored secret
// again, when testing and when saving, and the form says so beforehand.
test("changing a saved connection's endpoint asks for the secret again before testing or saving", async ({ page }) => {
  const name = `Destination ${Date.now()}`;
  const id = await createSimulatorConnection(page, name);
  await page.goto(`/connections/${id}/edit`);
  const steps = page.getByRole("navigation", { name: "Steps" });
  await steps.getByRole("button", { name: "6. Proxy & schedule" }).click();
  const endpoint = page.getByLabel("Custom endpoint URL (optional)");
  const original = await endpoint.inputValue();
  await expect(
    page.getByText(
      "Sends every AWS call here: VPC endpoints, or the local simulator. Changing it asks for the stored secrets again.",
    ),
  ).toBeVisible();
  await endpoint.fill("http://127.0.0.1:9");

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText("The endpoint changed: enter the secret access key again")).toBeVisible();
  await expect(page.locator("[data-check-id]")).toHaveCount(0);

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The endpoint changed: enter the secret access key again")).toBeVisible();
  await page.goto(`/connections/${id}/edit`);
  await steps.getByRole("button", { name: "6. Proxy & schedule" }).click();
  await expect(page.getByLabel("Custom endpoint URL (optional)")).toHaveValue(original);
});
