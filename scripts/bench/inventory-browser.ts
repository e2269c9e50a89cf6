// Time to the first rendered rows of the instances page in Chromium (Debian's, headless), signed
// in through the real form; and the Overview page's load at the same size (a figure, no target).
import { performance } from "node:perf_hooks";
import { chromium, type Page } from "@playwright/test";
import type { BenchServer } from "./inventory-server";

export type PageTiming = { totalMs: number; documentMs: number };
export type BrowserResult = { instances: PageTiming[]; overview: PageTiming[] };

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page
    .getByTestId("current-user")
    .filter({ hasText: email })
    .first()
    .waitFor({ state: "visible", timeout: 60_000 });
}

// From navigation start until `ready` is visible; documentMs is when the HTML's last byte came
// (the server-rendered part), from the Navigation Timing entry.
async function timeNavigation(page: Page, url: string, ready: () => Promise<void>): Promise<PageTiming> {
  const started = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  await ready();
  const totalMs = performance.now() - started;
  const documentMs = await page.evaluate(() => {
    const entry = window.performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return entry ? entry.responseEnd - entry.startTime : NaN;
  });
  return { totalMs, documentMs };
}

export async function measureBrowser(
  server: BenchServer,
  credentials: { email: string; password: string },
  runs: number,
  log: (line: string) => void,
): Promise<BrowserResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, server.url, credentials.email, credentials.password);
    const firstRow = () => page.getByTestId("inventory-row").first().waitFor({ state: "visible" });
    const overviewReady = () => page.getByTestId("total-instances").waitFor({ state: "visible" });
    // Warm-up: each page once (the build's chunks into the browser cache, route code in the server).
    await timeNavigation(page, `${server.url}/inventory/instances`, firstRow);
    await timeNavigation(page, `${server.url}/`, overviewReady);
    const instances: PageTiming[] = [];
    for (let i = 0; i < runs; i++) {
      instances.push(await timeNavigation(page, `${server.url}/inventory/instances`, firstRow));
      log(
        `  first rows run ${i + 1}: ${instances.at(-1)!.totalMs.toFixed(0)} ms (HTML ${instances.at(-1)!.documentMs.toFixed(0)} ms)`,
      );
    }
    const overview: PageTiming[] = [];
    for (let i = 0; i < Math.min(3, runs); i++) {
      overview.push(await timeNavigation(page, `${server.url}/`, overviewReady));
      log(
        `  overview run ${i + 1}: ${overview.at(-1)!.totalMs.toFixed(0)} ms (HTML ${overview.at(-1)!.documentMs.toFixed(0)} ms)`,
      );
    }
    await context.close();
    return { instances, overview };
  } finally {
    await browser.close();
  }
}
