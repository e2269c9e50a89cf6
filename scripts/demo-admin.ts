// Used by `npm run demo`: migrates the embedded database and gives the demo admin a fresh
// random password, printed as JSON on stdout for the demo script to show once.
import { applyMigrations, disconnectDb } from "../lib/db";
import { resetDemoAdmin } from "../lib/setup";

applyMigrations();
const credentials = await resetDemoAdmin();
process.stdout.write(JSON.stringify(credentials));
await disconnectDb();
