import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support/env";
import { signedInContext } from "./support/session";
import { createUserViaApi } from "./support/users";

test.use({ storageState: ADMIN_STATE });

test("disabling a user ends their session on their next request", async ({ browser, page, request }) => {
  const user = await createUserViaApi(request, "viewer", "to-disable");
  const { context, page: userPage } = await signedInContext(browser, user.email, user.password);
  await userPage.goto("/inventory/instances");
  await expect(userPage.getByRole("heading", { name: "EC2 instances" })).toBeVisible();

  await page.goto("/settings/users");
  const row = page.getByTestId(`user-row-${user.email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();

  await userPage.goto("/inventory/hosts");
  await expect(userPage).toHaveURL(/\/sign-in$/);
  expect((await context.request.get("/api/users")).status()).toBe(401);
  await context.close();
});

test("changing a user's role ends their session too", async ({ browser, page, request }) => {
  const user = await createUserViaApi(request, "viewer", "to-promote");
  const { context, page: userPage } = await signedInContext(browser, user.email, user.password);

  await page.goto("/settings/users");
  await page.getByLabel(`Role of ${user.email}`).selectOption("admin");
  await expect(
    page.getByTestId(`user-row-${user.email}`).getByRole("cell", { name: "admin", exact: true }),
  ).toBeVisible();

  await userPage.goto("/runs");
  await expect(userPage).toHaveURL(/\/sign-in$/);
  await context.close();
});

test("an admin adds a user, and a common password is refused with a reason", async ({ page }) => {
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add a user" });
  const email = `weak-${Date.now()}@example.test`;
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Initial password").fill("password123");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("This password is too common; choose another")).toBeVisible();
  await expect(page.getByTestId(`user-row-${email}`)).toHaveCount(0);
});

// Issue 10 item 6: a copied cookie used to keep working after sign-out for up to 12 hours.
test("sign-out ends the session server-side: a copy of the cookie stops working", async ({ browser, request }) => {
  const user = await createUserViaApi(request, "viewer", "signs-out");
  const { context, page: userPage } = await signedInContext(browser, user.email, user.password);
  const copy = await browser.newContext({ storageState: await context.storageState() });
  expect((await copy.request.get("/api/inventory/instances")).status()).toBe(200);

  await userPage.getByRole("button", { name: "Sign out" }).click();
  await expect(userPage).toHaveURL(/\/sign-in/);

  expect((await copy.request.get("/api/inventory/instances")).status()).toBe(401);
  const copyPage = await copy.newPage();
  await copyPage.goto("/inventory/instances");
  await expect(copyPage).toHaveURL(/\/sign-in$/);
  await copy.close();
  await context.close();
});
