// Shared by playwright.config.ts, the server script's callers and the specs.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_ADMIN = { email: "e2e-admin@example.test", password: "e2e admin passphrase 42" };
export const ADMIN_STATE = "e2e/.auth/admin.json";
