import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_STATE, E2E_BASE_URL } from "./support/env";
import { createUserViaApi } from "./support/users";

// Issue 10 item 1: the sign-in limit holds whatever the path encoding, the body type or a
// client-sent X-Forwarded-For. A dedicated user, so other specs are not locked out; only
// MAX_FAILURES_PER_ACCOUNT (5) failures, all from 127.0.0.1, well under the per-IP limit (30).

async function csrf(anonymous: APIRequestContext): Promise<string> {
  return (await (await anonymous.get("/api/auth/csrf")).json()).csrfToken;
}

function formPost(anonymous: APIRequestContext, path: string, fields: Record<string, string>, forwardedFor?: string) {
  return anonymous.post(path, {
    form: { ...fields, json: "true" },
    headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
  });
}

async function hasSessionCookie(anonymous: APIRequestContext): Promise<boolean> {
  return (await anonymous.storageState()).cookies.some((cookie) => cookie.name.includes("session-token"));
}

test("sign-in limit holds for a percent-encoded callback path, a JSON body and a spoofed X-Forwarded-For", async ({
  browser,
}) => {
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  const user = await createUserViaApi(admin.request, "viewer", "limits");
  const anonymous = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });

  // Five wrong passwords, each claiming another address: the account locks all the same.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await formPost(
      anonymous,
      "/api/auth/callback/credentials",
      { csrfToken: await csrf(anonymous), email: user.email, password: `wrong password ${attempt}` },
      `203.0.113.${attempt}`,
    );
    expect(response.status()).toBe(401);
  }
  const spoofed = await formPost(
    anonymous,
    "/api/auth/callback/credentials",
    { csrfToken: await csrf(anonymous), email: user.email, password: user.password },
    "203.0.113.99",
  );
  expect(spoofed.status()).toBe(429);

  // (a) The percent-encoded path: 429 for a wrong and for the right password.
  for (const password of ["wrong password again", user.password]) {
    const encoded = await formPost(anonymous, "/api/auth/callback/credential%73", {
      csrfToken: await csrf(anonymous),
      email: user.email,
      password,
    });
    expect(encoded.status()).toBe(429);
    expect(Number(encoded.headers()["retry-after"])).toBeGreaterThan(800);
    expect((await encoded.json()).error.message).toMatch(/^Too many failed sign-in attempts/);
  }
  // (b) A JSON body, with the e-mail in another case.
  const json = await anonymous.post("/api/auth/callback/credentials", {
    data: { csrfToken: await csrf(anonymous), email: user.email.toUpperCase(), password: user.password, json: "true" },
  });
  expect(json.status()).toBe(429);
  expect(await hasSessionCookie(anonymous)).toBe(false);
  expect(await (await anonymous.get("/api/auth/session")).json()).toEqual({});

  // (c) The audit log records the socket's address (127.0.0.1), never the claimed one: the
  // per-IP limit counts by that same value.
  const page = await admin.newPage();
  await page.goto("/settings/audit-log");
  const rows = page.getByRole("row").filter({ hasText: user.email });
  await expect(rows.filter({ hasText: "auth.sign_in_failed" })).toHaveCount(5);
  await expect(rows.filter({ hasText: "auth.sign_in_rate_limited" })).toHaveCount(4);
  await expect(rows.filter({ has: page.getByRole("cell", { name: "auth.sign_in", exact: true }) })).toHaveCount(0);
  const addresses = await rows
    .filter({ hasText: /auth\.sign_in_(failed|rate_limited)/ })
    .locator("td:nth-child(5)")
    .allInnerTexts();
  expect(addresses).toHaveLength(9);
  expect(new Set(addresses)).toEqual(new Set(["127.0.0.1"]));

  await anonymous.dispose();
  await admin.close();
});
