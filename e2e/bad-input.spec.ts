import { expect, test, type Request } from "@playwright/test";
import { ADMIN_STATE } from "./support/env";
import { replayServerAction } from "./support/server-actions";

// Issue 10, item 8: input no page or action expects answers 200 or a 4xx, never a 500.
test.use({ storageState: ADMIN_STATE });

test("/runs?page=1e400 and the audit log at page 99999999999999999999 answer without a 500", async ({ page }) => {
  for (const url of [
    "/runs?page=1e400",
    "/runs?page=99999999999999999999",
    "/settings/audit-log?page=99999999999999999999",
    "/settings/audit-log?page=1e400",
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
  }
  await page.goto("/settings/audit-log?page=99999999999999999999");
  await expect(page.getByRole("navigation", { name: "Audit log pages" })).toContainText("page 1000000 of");
});

test("an oversized server action answers 413 and a cross-origin one 403, not 500", async ({ page }) => {
  // A real action to aim at: saving the column choice (any signed-in user).
  await page.goto("/inventory/instances");
  await page.getByText("Columns", { exact: true }).click();
  const chooser = page.getByTestId("column-chooser");
  const [captured] = await Promise.all([
    page.waitForRequest((request: Request) => request.method() === "POST" && !!request.headers()["next-action"]),
    chooser.getByLabel("AZ").check(),
  ]);
  await expect(chooser.getByRole("status")).toHaveText("Saved as your default");
  // The replay itself is accepted, so what follows is refused for its body or origin alone.
  expect((await replayServerAction(page.request, captured)).status()).toBe(200);

  const oversized = await replayServerAction(
    page.request,
    captured,
    JSON.stringify([{ type: "instances", columns: ["x".repeat(2 * 1024 * 1024)] }]),
  );
  expect(oversized.status()).toBe(413);
  expect((await oversized.json()).error.fieldErrors).toHaveProperty("body");

  const crossOrigin = await page.request.post(captured.url(), {
    headers: {
      "next-action": captured.headers()["next-action"],
      "content-type": captured.headers()["content-type"],
      accept: "text/x-component",
      origin: "http://evil.example",
    },
    data: captured.postData()!,
  });
  expect(crossOrigin.status()).toBe(403);
  expect((await crossOrigin.json()).error.fieldErrors).toHaveProperty("origin");
  await chooser.getByLabel("AZ").uncheck();
  await expect(chooser.getByRole("status")).toHaveText("Saved as your default");
});
