// `npm run connections -- import <file.json>` creates or updates connections (secrets in the
// file are stored encrypted); `npm run connections -- export` prints them without secrets.
import fs from "node:fs";
import { applyMigrations, disconnectDb } from "../lib/db";
import { exportConnections, importConnections } from "../lib/connections/config-as-code";

applyMigrations();
const [command, file] = process.argv.slice(2);
let exitCode = 0;
if (command === "export") {
  console.log(JSON.stringify(await exportConnections(), null, 2));
} else if (command === "import" && file) {
  const outcomes = await importConnections(JSON.parse(fs.readFileSync(file, "utf8")));
  for (const outcome of outcomes) {
    const detail = outcome.fieldErrors ? ` ${JSON.stringify(outcome.fieldErrors)}` : outcome.error ? ` ${outcome.error}` : "";
    console.log(`${outcome.action.padEnd(8)} ${outcome.name}${detail}`);
    if (outcome.action === "failed") exitCode = 2;
  }
} else {
  console.error("usage: npm run connections -- import <file.json> | export");
  exitCode = 1;
}
await disconnectDb();
process.exit(exitCode);
