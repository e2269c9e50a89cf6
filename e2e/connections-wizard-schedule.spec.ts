// Issue 12 items 2, 4 and 6: a connection tested in the wizard runs on its schedule as soon as it
// is saved; the wizard names each bad line and explains the schedule; the list and detail pages
// speak in words.
import { Cron } from "croner";
import { expect, test, type Page } from "@playwright/test";
import { fillWizard } from "./support/connections";
import { ADMIN_STATE } from "./support/env";
import { simulatorCredentials } from "./support/simulator";

test.use({ storageState: ADMIN_STATE });

const SCHEDULE = "*/30 * * * *";

// The detail page's "next run" is the schedule's next time in UTC after the page was rendered.
function nextRunTexts(from: Date, to: Date): string[] {
  const cron = new Cron(SCHEDULE, { timezone: "UTC", paused: true });
  const texts = [from, to].map((at) => `${cron.nextRun(at)!.toISOString().replace("T", " ").slice(0, 16)} UTC`);
  return [...new Set(texts)];
}

async function testInWizard(page: Page) {
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-outcome")).toHaveAttribute("data-outcome", /passed/, { timeout: 30_000 });
}

test("a connection tested in the wizard is scheduled right after saving, and the list shows its test in words", async ({
  page,
}) => {
  const name = `Scheduled ${Date.now()}`;
  await page.goto("/connections/new");
  await fillWizard(page, name, simulatorCredentials().users[0].secretAccessKey);
  await testInWizard(page);
  const outcome = (await page.getByTestId("test-outcome").getAttribute("data-outcome"))!;

  const before = new Date();
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const sentence = page.getByTestId("schedule-sentence");
  await expect(sentence).toContainText(`Scheduled: ${SCHEDULE} (UTC), next run`);
  const shown = (await sentence.textContent())!;
  expect(
    nextRunTexts(before, new Date()).some((text) => shown.includes(text)),
    `${shown} names the next run`,
  ).toBe(true);
  await expect(page.getByTestId("schedule-state")).toHaveAttribute("data-state", "active");
  await expect(page.getByTestId("connection-attention")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Pause schedule" })).toBeVisible();
  await expect(page.getByText("Not scheduled")).toHaveCount(0);
  const words = outcome === "passed" ? "passed" : "passed with warnings";
  await expect(page.getByTestId("last-test-outcome")).toHaveText(words);

  await page.goto("/connections");
  const row = page.getByTestId(`connection-row-${name}`);
  await expect(row.getByTestId("last-test")).toContainText(outcome === "passed" ? "Passed" : "Passed with warnings");
  await expect(row).toContainText("Scheduled");
  await expect(row).toContainText("No run yet");
});

test("a field changed after the wizard's test leaves the schedule on hold, in words that agree", async ({ page }) => {
  const name = `Changed ${Date.now()}`;
  await page.goto("/connections/new");
  await fillWizard(page, name, simulatorCredentials().users[0].secretAccessKey);
  await testInWizard(page);
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "5. Regions" }).click();
  await page.getByLabel("eu-west-1").uncheck();
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("schedule-sentence")).toHaveText(
    `Schedule ${SCHEDULE} (UTC) on hold until Test connection passes`,
  );
  await expect(page.getByTestId("connection-attention")).toContainText("Not tested since the last edit");
});

test("the wizard names each bad role ARN line, marks the step, and explains a bad schedule with a preview of a good one", async ({
  page,
}) => {
  const name = `Bad lines ${Date.now()}`;
  await page.goto("/connections/new");
  await fillWizard(page, name, "not-the-secret");
  const steps = page.getByRole("navigation", { name: "Steps" });
  await steps.getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("A list of member roles").check();
  const lines = [
    "arn:aws:iam::222222222222:role/CirrusInventoryRole",
    "arn:aws:iam::2222:role/CirrusInventoryRole",
    "arn:aws:iam::*:role/CirrusInventoryRole",
    "arn:aws:iam::333333333333:user/cirrus",
  ];
  await page.getByLabel("Member role ARNs").fill(lines.join("\n"));
  await page.getByRole("button", { name: "Save connection" }).click();

  const message = page.locator("[data-field-error]").filter({ hasText: lines[1] });
  await expect(message).toBeVisible();
  for (const bad of lines.slice(1)) await expect(message).toContainText(`${bad}: `);
  await expect(message).not.toContainText(`${lines[0]}: `);
  await expect(page.getByTestId("step-errors-accounts")).toHaveText("3 errors");

  await steps.getByRole("button", { name: /6\. Proxy & schedule/ }).click();
  const schedule = page.getByLabel("Schedule (cron, UTC)");
  await schedule.fill("*/30 * * *");
  await expect(page.getByText("Use five fields separated by spaces")).toBeVisible();
  await expect(page.getByText(/space separated parts/)).toHaveCount(0);
  await schedule.fill("0 6 * * 1-5");
  const expected = new Cron("0 6 * * 1-5", { timezone: "UTC", paused: true }).nextRuns(3, new Date());
  const preview = page.getByTestId("schedule-preview");
  await expect(preview).toBeVisible();
  for (const run of expected) await expect(preview).toContainText(`${run.getUTCDate()} `);
  await expect(preview).toContainText("06:00");
  await page.goto("/connections");
  await expect(page.getByTestId(`connection-row-${name}`)).toHaveCount(0);
});

// Every run of letters and digits in the configuration stays on one line (a word split across
// lines has more than one client rectangle).
async function wordsBrokenAcrossLines(page: Page): Promise<string[]> {
  return page.getByTestId("config-summary").evaluate((root) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? "").matchAll(/[A-Za-z0-9]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (range.getClientRects().length > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

test("the detail page wraps member role ARNs between their parts, never mid-word, at 1024 and 1440 px", async ({
  page,
}) => {
  const name = `Wrapping ${Date.now()}`;
  await page.goto("/connections/new");
  await fillWizard(page, name, simulatorCredentials().users[0].secretAccessKey);
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("A list of member roles").check();
  const arns = ["222222222222", "333333333333", "444444444444"].map(
    (account) => `arn:aws:iam::${account}:role/CirrusInventoryRole`,
  );
  await page.getByLabel("Member role ARNs").fill(arns.join("\n"));
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const arn of arns) await expect(page.getByTestId("config-summary")).toContainText(arn);
    expect(await wordsBrokenAcrossLines(page), `words broken at ${width} px`).toEqual([]);
  }
});

test("the connections list shows the last run's status, time and item count", async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = `Last run ${Date.now()}`;
  await page.goto("/connections/new");
  await fillWizard(page, name, simulatorCredentials().users[0].secretAccessKey);
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("This account only").check();
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", /succeeded|partial|failed/, {
    timeout: 60_000,
  });
  const runId = new URL(page.url()).pathname.split("/").pop()!;
  const run = (await (await request.get(`/api/runs/${runId}`)).json()) as {
    status: string;
    items: number;
    finishedAt: string;
  };

  await page.goto("/connections");
  const lastRun = page.getByTestId(`connection-row-${name}`).getByTestId("last-run");
  await expect(lastRun.getByTestId("run-status")).toHaveAttribute("data-status", run.status);
  await expect(lastRun).toContainText(`${run.finishedAt.replace("T", " ").slice(0, 16)} UTC`);
  await expect(lastRun).toContainText(`${run.items.toLocaleString("en")} item${run.items === 1 ? "" : "s"}`);
  await lastRun.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
});
