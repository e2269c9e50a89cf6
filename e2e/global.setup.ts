import { test as setup } from "@playwright/test";
import { signIn } from "./support/session";
import { ADMIN_STATE, E2E_ADMIN } from "./support/env";

setup("sign in the admin once and keep the session", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.context().storageState({ path: ADMIN_STATE });
});
