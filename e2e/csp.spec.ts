import { expect, test, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";
import { signIn } from "./support/session";
import { createUserViaApi } from "./support/users";

// The Content-Security-Policy is the second defence against XSS, after React's escaping: with
// 'unsafe-inline' in script-src, any markup that escaped into a page could run script. Pages now
// carry a per-request nonce (proxy.ts) and only scripts with that nonce run.

test.use({ storageState: ADMIN_STATE });

const ADMIN_PAGES = [
  "/",
  "/inventory/instances",
  "/inventory/hosts",
  "/inventory/reserved-instances",
  "/inventory/databases",
  "/connections",
  "/connections/new",
  "/runs",
  "/settings/users",
  "/settings/api-tokens",
  "/settings/audit-log",
];

let connectionId: string;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  connectionId = await createSimulatorConnection(await context.newPage(), `CSP ${Date.now()}`);
  await context.close();
});

function adminPages(): string[] {
  return [...ADMIN_PAGES, `/connections/${connectionId}`, `/connections/${connectionId}/edit`];
}

// The nonce of a response's policy, after checking that script-src allows nothing else inline.
function scriptNonceOf(response: APIResponse | { headers(): Record<string, string> }): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split(/;\s*/).find((directive) => directive.startsWith("script-src "));
  expect(scriptSrc, policy).toBeDefined();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(scriptSrc).toContain("'strict-dynamic'");
  const nonce = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(scriptSrc!)?.[1];
  expect(nonce, scriptSrc).toBeTruthy();
  return nonce!;
}

function expectEveryScriptCarries(html: string, nonce: string, path: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
}

// CSP violations, as the browser reports them: the console line and the DOM event.
function recordViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`pageerror: ${error.message}`));
  return violations;
}

// React marks the DOM nodes it has hydrated; a page whose scripts were blocked never gets there.
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const link = document.querySelector('nav[aria-label="Main"] a');
    return link !== null && Object.keys(link).some((key) => key.startsWith("__reactProps"));
  });
}

// Client-side navigation keeps the window; without working scripts the browser would do a full
// load instead, and the marker would be gone.
async function expectClientSideNavigation(page: Page, from: string) {
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = "still here"));
  const target = from === "/runs" ? "Overview" : "Runs";
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: target, exact: true }).click();
  await expect(page).toHaveURL(target === "Runs" ? /\/runs$/ : /\/$/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker), from).toBe("still here");
}

async function domViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

// Init scripts are injected by the browser's debugger protocol, outside the page's policy.
async function recordDomViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

test.beforeEach(async ({ context }) => recordDomViolations(context));

test("script-src has a fresh nonce per request and no 'unsafe-inline', on every page, and every script tag carries it", async ({
  request,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const targets: { path: string; get: () => Promise<APIResponse>; status: number }[] = [
    ...adminPages().map((path) => ({ path, get: () => request.get(path), status: 200 })),
    { path: "/sign-in", get: () => anonymous.get("/sign-in", { maxRedirects: 0 }), status: 200 },
    { path: "/no-such-page", get: () => request.get("/no-such-page"), status: 404 },
  ];
  for (const { path, get, status } of targets) {
    const first = await get();
    const second = await get();
    expect(first.status(), path).toBe(status);
    const nonce = scriptNonceOf(first);
    expect(scriptNonceOf(second), path).not.toBe(nonce);
    expectEveryScriptCarries(await first.text(), nonce, path);
  }
  // JSON routes carry the policy too (no script may run from them either).
  scriptNonceOf(await request.get("/api/health"));
  await anonymous.dispose();
});

test("every page works under the policy: no violation reported, and client-side navigation works", async ({ page }) => {
  const violations = recordViolations(page);
  for (const path of adminPages()) {
    await page.goto(path);
    await expectClientSideNavigation(page, path);
    expect(await domViolations(page), path).toEqual([]);
  }
  // The wizard's steps are client state.
  await page.goto("/connections/new");
  await waitForHydration(page);
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "2. Credentials" }).click();
  await expect(page.getByLabel("Access key ID")).toBeVisible();
  expect(await domViolations(page)).toEqual([]);
  expect(violations).toEqual([]);
});

test("signing in through the form works under the policy", async ({ browser, request }) => {
  const user = await createUserViaApi(request, "viewer", "csp");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await recordDomViolations(context);
  const page = await context.newPage();
  const violations = recordViolations(page);
  await signIn(page, user.email, user.password);
  expect(await domViolations(page)).toEqual([]);
  expect(violations).toEqual([]);
  await context.close();
});

test("markup injected into a page cannot run script: no nonce, a stale nonce, or an inline handler", async ({
  page,
}) => {
  // The nonce another response carried (the policy itself is checked by the first test).
  const previous = (await page.request.get("/connections")).headers()["content-security-policy"] ?? "";
  const stale = /'nonce-([^']+)'/.exec(previous)?.[1] ?? "not-a-nonce";
  // Stands in for text that escaped React's escaping into the server-rendered HTML; the real
  // response's policy header is kept.
  const injected =
    `<script>window.__injected = "no nonce"</script>` +
    `<script nonce="${stale}">window.__injected = "stale nonce"</script>` +
    `<img src="/no-such-image" onerror="window.__injected = 'inline handler'">`;
  await page.route("**/connections", async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    await route.fulfill({
      response,
      body: html.replace("<body", `<body data-injected="1"`).replace(/(<body[^>]*>)/, `$1${injected}`),
    });
  });
  const violations = recordViolations(page);
  await page.goto("/connections");
  await expect(page.locator("body[data-injected]")).toHaveCount(1);
  // The page's own scripts still run (client-side navigation works) ...
  await expectClientSideNavigation(page, "/connections");
  // ... the injected ones did not, and the browser says why.
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(violations.filter((line) => /Content Security Policy/.test(line)).length).toBeGreaterThanOrEqual(3);
});
