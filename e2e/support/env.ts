// Shared by playwright.config.ts, the server script's callers and the specs.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_SIM_PORT = E2E_PORT + 1;
export const E2E_SIM_URL = `http://127.0.0.1:${E2E_SIM_PORT}`;
export const E2E_ADMIN = { email: "e2e-admin@example.test", password: "e2e admin passphrase 42" };
export const ADMIN_STATE = "e2e/.auth/admin.json";
// Written by e2e/support/server.mjs: the simulator's credentials and the server's log file.
export const SIM_CREDENTIALS = "e2e/.auth/simulator-credentials.json";
export const SERVER_LOG = "e2e/.auth/server.log";
