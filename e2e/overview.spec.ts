import { expect, test } from "@playwright/test";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";

test.use({ storageState: ADMIN_STATE });

test("after a collection the overview shows totals and charts, each linking to its filtered table", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const name = `Overview ${Date.now()}`;
  await createSimulatorConnection(page, name);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("empty-state")).toHaveCount(0);
  const instances = page.getByTestId("total-instances");
  await expect(instances).toBeVisible();
  expect(Number(await instances.locator("dd").first().innerText())).toBeGreaterThan(0);
  for (const id of ["total-vcpus", "total-oracle", "total-host-cores"])
    await expect(page.getByTestId(id)).toBeVisible();

  // The charts are there, titled, with their numbers readable by assistive technology.
  for (const title of [
    "vCPUs over the last 30 days",
    "Instances by account",
    "Instances by region",
    "Instances by licensed product",
    "Oracle on RDS",
    "Dedicated hosts",
    "Reserved instances expiring",
    "RI coverage",
  ]) {
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  }
  await expect(page.getByRole("img", { name: /peak \d+ running vCPUs/ })).toBeVisible();
  await expect(page.getByTestId("vcpu-peak")).toHaveCount(1);
  await expect(page.getByRole("list", { name: "Instances by region" }).getByRole("link").first()).toHaveAccessibleName(
    /\d+ instances · \d+ running/,
  );
  await expect(page.getByTestId("ri-coverage-summary")).toContainText("eligible running instances covered");
  await page.screenshot({ path: "/tmp/overview.png", fullPage: true });

  // A region bar leads to the instances table filtered to that region.
  const regionLink = page.getByRole("list", { name: "Instances by region" }).getByRole("link").first();
  const href = await regionLink.getAttribute("href");
  expect(href).toMatch(/^\/inventory\/instances\?region=[a-z0-9-]+$/);
  await regionLink.click();
  await expect(page).toHaveURL((url) => url.pathname === "/inventory/instances" && url.searchParams.has("region"));

  // The licence bars and the Oracle and host panels link with the agreed query parameters.
  await page.goto("/");
  const licenceHref = await page
    .getByRole("list", { name: "Instances by licensed product and licence model" })
    .getByRole("link")
    .first()
    .getAttribute("href");
  expect(licenceHref).toMatch(/^\/inventory\/instances\?licensedProduct=[^&]+&licenceModel=[a-z-]+$/);
  const accountHref = await page
    .getByRole("list", { name: "Instances by account" })
    .getByRole("link")
    .first()
    .getAttribute("href");
  expect(accountHref).toMatch(/^\/inventory\/instances\?account=\d{12}$/);
  await expect(page.getByRole("link", { name: "Oracle EE BYOL databases" })).toHaveAttribute(
    "href",
    "/inventory/databases?engine=oracle-ee&licenceModel=byol",
  );
  await expect(page.getByTestId("overview-hosts").getByRole("link", { name: "View in table" })).toHaveAttribute(
    "href",
    "/inventory/hosts",
  );
  await expect(page.getByTestId("overview-ri-expiring").getByRole("link", { name: "View in table" })).toHaveAttribute(
    "href",
    "/inventory/reserved-instances?state=active",
  );
});
