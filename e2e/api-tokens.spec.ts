import { expect, test, type Page, type APIRequestContext } from "@playwright/test";
import { ADMIN_STATE, E2E_BASE_URL } from "./support/env";
import { replayServerAction } from "./support/server-actions";
import { signedInContext } from "./support/session";
import { createUserViaApi } from "./support/users";

test.use({ storageState: ADMIN_STATE });

// Creates a token through the Settings page and reads it from the one-time panel.
async function createTokenInUi(
  page: Page,
  name: string,
  role: "viewer" | "admin",
  expires?: "30" | "90" | "365" | "never",
): Promise<string> {
  await page.goto("/settings/api-tokens");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption(role);
  if (expires) await form.getByLabel("Expires").selectOption(expires);
  await form.getByRole("button", { name: "Create token" }).click();
  const panel = page.getByTestId("new-api-token-panel");
  await expect(panel).toContainText("it will not be shown again");
  await expect(panel.getByRole("button", { name: "Copy" })).toBeVisible();
  const token = await page.getByTestId("new-api-token").inputValue();
  expect(token).toMatch(/^cirrus_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`api-token-row-${name}`)).toContainText(token.slice(0, 12));
  return token;
}

// A cookie-less client, as a script or an ITAM tool would call the API.
async function usersStatus(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  token: string,
) {
  const api = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const response = await api.get("/api/users");
  const status = response.status();
  const body = await response.json();
  await api.dispose();
  return { status, body };
}

test("an admin creates a viewer token, sees it once, and it cannot reach admin routes", async ({
  page,
  playwright,
}) => {
  const name = `viewer-token-${Date.now()}`;
  const token = await createTokenInUi(page, name, "viewer");

  await page.reload();
  await expect(page.getByTestId("new-api-token-panel")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await expect(page.getByTestId(`api-token-row-${name}`)).toContainText("viewer");

  const { status, body } = await usersStatus(playwright, token);
  expect(status).toBe(403);
  expect(body.error.code).toBe("forbidden");
});

test("an admin token works until it is revoked in the UI, then gets 401", async ({ page, playwright }) => {
  const name = `admin-token-${Date.now()}`;
  const token = await createTokenInUi(page, name, "admin");

  const allowed = await usersStatus(playwright, token);
  expect(allowed.status).toBe(200);
  expect(Array.isArray(allowed.body.users)).toBe(true);

  await page.reload();
  const row = page.getByTestId(`api-token-row-${name}`);
  await expect(row.getByTestId("api-token-last-used")).not.toHaveText("Never"); // last used is recorded
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");

  const refused = await usersStatus(playwright, token);
  expect(refused.status).toBe(401);
  expect(refused.body.error.code).toBe("unauthenticated");
  expect((await usersStatus(playwright, "cirrus_not-a-real-token")).status).toBe(401);
});

test("a viewer cannot open the tokens page, and replaying the create action as a viewer gets 403", async ({
  browser,
  page,
  request,
}) => {
  // Capture a real create-token server-action call as the admin makes it...
  await page.goto("/settings/api-tokens");
  const form = page.getByRole("form", { name: "Create an API token" });
  const captured = page.waitForRequest((req) => req.method() === "POST" && !!req.headers()["next-action"]);
  const legit = `legit-token-${Date.now()}`;
  await form.getByLabel("Name").fill(legit);
  await form.getByLabel("Role").selectOption("admin");
  await form.getByRole("button", { name: "Create token" }).click();
  const actionRequest = await captured;
  await expect(page.getByTestId("new-api-token-panel")).toBeVisible();

  // ...then, as a viewer: the page is refused, and the replayed action changes nothing.
  const viewer = await createUserViaApi(request, "viewer");
  const { context, page: viewerPage } = await signedInContext(browser, viewer.email, viewer.password);
  const pageResponse = await viewerPage.goto("/settings/api-tokens");
  expect(pageResponse?.status()).toBe(403);
  await expect(viewerPage.getByText("You do not have access to this page")).toBeVisible();

  const intruder = `intruder-token-${Date.now()}`;
  const response = await replayServerAction(
    context.request,
    actionRequest,
    actionRequest.postData()!.replace(legit, intruder),
  );
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toMatch(/cirrus_[A-Za-z0-9_-]{43}/);
  await context.close();

  await page.goto("/settings/api-tokens");
  await expect(page.getByTestId(`api-token-row-${legit}`)).toBeVisible();
  await expect(page.getByTestId(`api-token-row-${intruder}`)).toHaveCount(0);
});

test("a token expires after the lifetime chosen at creation (90 days unless told), shown with its last use", async ({
  page,
  playwright,
}) => {
  await page.goto("/settings/api-tokens");
  await expect(page.getByRole("form", { name: "Create an API token" }).getByLabel("Expires")).toHaveValue("90");

  const stamp = Date.now();
  const defaultName = `default-expiry-${stamp}`;
  const token = await createTokenInUi(page, defaultName, "viewer");
  // The UTC day as of creation (either side of it, should the test straddle midnight).
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const oneOfDays = (...ms: number[]) => new RegExp([...new Set(ms.map(day))].join("|"));
  const in90Days = oneOfDays(stamp + 90 * 86_400_000, Date.now() + 90 * 86_400_000);
  const row = page.getByTestId(`api-token-row-${defaultName}`);
  await expect(row.getByTestId("api-token-expires")).toContainText(in90Days);
  await expect(row.getByTestId("api-token-last-used")).toHaveText("Never");
  const usedAt = Date.now();
  expect((await usersStatus(playwright, token)).status).toBe(403); // a viewer token, used once
  await page.reload();
  await expect(row.getByTestId("api-token-last-used")).toContainText(oneOfDays(usedAt, Date.now()));

  const foreverName = `no-expiry-${stamp}`;
  await createTokenInUi(page, foreverName, "viewer", "never");
  await expect(page.getByTestId(`api-token-row-${foreverName}`).getByTestId("api-token-expires")).toHaveText("Never");
});
