import { expect, test } from "@playwright/test";
import { ADMIN_STATE, E2E_ADMIN, E2E_BASE_URL } from "./support/env";
import { signIn } from "./support/session";
import { createUserViaApi } from "./support/users";

test("wrong passwords get a uniform message, then a rate limit with a clear message", async ({ browser, page }) => {
  const adminContext = await browser.newContext({ storageState: ADMIN_STATE });
  const user = await createUserViaApi(adminContext.request, "viewer", "rate-limited");
  await adminContext.close();

  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(`not the password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("Incorrect e-mail or password.");
  }
  // Locked now, even with the right password.
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    /Too many failed sign-in attempts\. Try again in 1[45] minutes\./,
  );

  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(800);
});

test("the demo-style sign-in works and the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await signIn(page, "e2e-admin@example.test", "e2e admin passphrase 42");
  const cookie = (await page.context().cookies()).find((c) => c.name.includes("next-auth.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

// Issue 10 item 2: both callbackUrls below used to send the browser to http://evil.example/phish.
for (const callbackUrl of ["/%5Cevil.example/phish", "/%09/evil.example/phish"]) {
  test(`sign-in does not redirect off-site for callbackUrl=${callbackUrl}`, async ({ page }) => {
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await page.getByLabel("E-mail").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(E2E_ADMIN.email);
    expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
  });
}
