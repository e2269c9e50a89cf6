import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support/env";
import { replayServerAction } from "./support/server-actions";
import { signedInContext } from "./support/session";
import { createUserViaApi, listUserEmails } from "./support/users";

test.describe("without a session", () => {
  test("a page visit redirects to sign-in", async ({ page }) => {
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("an API call gets 401", async ({ request }) => {
    const response = await request.get("/api/users");
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: ADMIN_STATE });

  test("sees no admin navigation and gets 403 from admin pages and routes, changing nothing", async ({
    browser,
    request,
  }) => {
    const viewer = await createUserViaApi(request, "viewer");
    const { context, page } = await signedInContext(browser, viewer.email, viewer.password);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Instances", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
    await expect(nav.getByText("Settings")).toHaveCount(0);

    const pageResponse = await page.goto("/settings/users");
    expect(pageResponse?.status()).toBe(403);
    await expect(page.getByText("You do not have access to this page")).toBeVisible();

    const intruder = `intruder-${Date.now()}@example.test`;
    const routeResponse = await context.request.post("/api/users", {
      data: { email: intruder, role: "admin", password: "intruder passphrase" },
    });
    expect(routeResponse.status()).toBe(403);
    expect((await context.request.get("/api/users")).status()).toBe(403);
    expect(await listUserEmails(request)).not.toContain(intruder);
    await context.close();
  });

  test("calling an admin server action directly gets 403 and changes nothing", async ({ browser, page, request }) => {
    // Capture a real server-action call as the admin makes it from the Users page...
    await page.goto("/settings/users");
    const form = page.getByRole("form", { name: "Add a user" });
    const captured = page.waitForRequest((req) => req.method() === "POST" && !!req.headers()["next-action"]);
    const legit = `legit-${Date.now()}@example.test`;
    await form.getByLabel("E-mail").fill(legit);
    await form.getByLabel("Initial password").fill("a legitimate passphrase");
    await form.getByRole("button", { name: "Add user" }).click();
    const actionRequest = await captured;
    await expect(page.getByText(`Added ${legit}.`)).toBeVisible();

    // ...then replay it with a viewer's session and another e-mail.
    const viewer = await createUserViaApi(request, "viewer");
    const { context } = await signedInContext(browser, viewer.email, viewer.password);
    const intruder = `action-intruder-${Date.now()}@example.test`;
    const response = await replayServerAction(
      context.request,
      actionRequest,
      actionRequest.postData()!.replace(legit, intruder),
    );
    expect(response.status()).toBe(403);
    const emails = await listUserEmails(request);
    expect(emails).toContain(legit);
    expect(emails).not.toContain(intruder);
    await context.close();
  });
});
