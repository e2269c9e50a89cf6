export { ensureFirstAdmin, isSetupOpen, completeSetup, type FirstAdminOutcome } from "./first-admin";
export { resetDemoAdmin, DEMO_ADMIN_EMAIL } from "./demo-admin";
export { startServer } from "./start-server";
