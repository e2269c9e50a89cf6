// `npm run keys -- rotate`: re-encrypt every stored secret under a new master key version.
import { applyMigrations, disconnectDb } from "../lib/db";
import { rotateSecrets } from "../lib/connections/rotate-secrets";

applyMigrations();
const [command] = process.argv.slice(2);
if (command !== "rotate") {
  console.error("usage: npm run keys -- rotate");
  process.exit(1);
}
const result = await rotateSecrets();
console.log(
  `${result.addedKey ? `Added master key version ${result.keyVersion}. ` : `Using master key version ${result.keyVersion}. `}` +
    `Re-encrypted ${result.reencrypted} secret value(s) across ${result.rows} connection(s).`,
);
await disconnectDb();
