import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { inventoryHref, RESOURCE_LIST } from "../lib/resources/registry";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";

// Every page, in the light and the dark scheme, through axe-core: no serious or critical
// violation (contrast, names, keyboard reach of scroll boxes, ...). The pages show real data: a
// connection to the simulator and one finished run, so tables, charts and details are filled.

test.use({ storageState: ADMIN_STATE });

type Scheme = "light" | "dark";
type Found = { url: string; scheme: Scheme; rule: string; impact: string; help: string; targets: string[] };

let connectionId: string;
let runId: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  const page = await context.newPage();
  connectionId = await createSimulatorConnection(page, `Axe ${Date.now()}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", /succeeded|partial/, { timeout: 90_000 });
  runId = new URL(page.url()).pathname.split("/").pop()!;
  await context.close();
});

function signedInPages(): string[] {
  return [
    "/",
    ...RESOURCE_LIST.map((definition) => inventoryHref(definition.type)),
    "/connections",
    "/connections/new",
    `/connections/${connectionId}`,
    "/runs",
    `/runs/${runId}`,
    "/coverage",
    "/licence-position",
    // A drill-down: the lines behind a figure, their arithmetic and the export links.
    "/licence-position?basis=licence+included",
    "/licence-position/software-unknown",
    "/software",
    "/settings/users",
    "/settings/api-tokens",
    "/settings/audit-log",
    "/settings/workers",
  ];
}

// Client-rendered tables and charts fill in after the first paint: check what a person sees once
// the page has settled, not its loading state.
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

async function seriousViolations(page: Page, url: string, scheme: Scheme): Promise<Found[]> {
  await page.goto(url);
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  // What a person sees, kept with the test's output for review (contrast is not only axe's call).
  await page.screenshot({
    path: test.info().outputPath(`${scheme}${url.replace(/[^a-z0-9]+/gi, "-")}.png`),
    fullPage: true,
  });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      url,
      scheme,
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
}

async function checkScheme(browser: Browser, scheme: Scheme): Promise<Found[]> {
  const found: Found[] = [];
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] }, colorScheme: scheme });
  found.push(...(await seriousViolations(await anonymous.newPage(), "/sign-in", scheme)));
  await anonymous.close();
  const admin = await browser.newContext({ storageState: ADMIN_STATE, colorScheme: scheme });
  const page = await admin.newPage();
  for (const url of signedInPages()) found.push(...(await seriousViolations(page, url, scheme)));
  await admin.close();
  return found;
}

for (const scheme of ["light", "dark"] as const) {
  test(`every page has no serious or critical axe violation in the ${scheme} scheme`, async ({ browser }) => {
    test.setTimeout(300_000);
    const found = await checkScheme(browser, scheme);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });
}

test("a keyboard user's first Tab is a skip link to the page's content", async ({ page }) => {
  await page.goto("/connections");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("at 390 px the sidebar is a Menu panel and nothing scrolls sideways; at 1024 px the sidebar stays", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
  await page.getByRole("button", { name: "Menu" }).click();
  const panel = page.getByRole("dialog", { name: "Navigation" });
  await expect(panel.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(page.getByRole("button", { name: "Menu" })).toBeFocused();
  await page.getByRole("button", { name: "Menu" }).click();
  await panel.getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(/\/runs$/);
  await expect(panel).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);

  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
});

test("pages name an icon that exists, and /favicon.ico answers", async ({ page, request }) => {
  await page.goto("/");
  const icons = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(icons.length).toBeGreaterThan(0);
  for (const href of icons) expect((await request.get(href)).status()).toBe(200);
  expect((await request.get("/favicon.ico")).status()).toBe(200);
});
