import crypto from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

export const USER_PASSWORD = "viewer passphrase for e2e";

// Creates a user through the admin API (the request context must carry an admin session).
export async function createUserViaApi(request: APIRequestContext, role: "admin" | "viewer", label: string = role) {
  const email = `${label}-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const response = await request.post("/api/users", { data: { email, role, password: USER_PASSWORD } });
  expect(response.status()).toBe(201);
  return { email, password: USER_PASSWORD };
}

export async function listUserEmails(request: APIRequestContext): Promise<string[]> {
  const response = await request.get("/api/users");
  expect(response.status()).toBe(200);
  return ((await response.json()).users as { email: string }[]).map((user) => user.email);
}
