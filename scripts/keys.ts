// `npm run keys -- rotate`: re-encrypt every stored secret under a new master key version.
// A master key that does not match the stored secrets stops it first (exit 1, version named).
import { disconnectDb } from "../lib/db";
import { rotateSecrets } from "../lib/connections/rotate-secrets";
import { isExpectedError } from "../lib/errors";
import { ConfigurationError } from "../lib/env";
import { openDatabaseForCli } from "./cli/database";

const [command] = process.argv.slice(2);
if (command !== "rotate") {
  console.error("usage: npm run keys -- rotate");
  process.exit(1);
}
openDatabaseForCli("keys");
let exitCode = 0;
try {
  const result = await rotateSecrets();
  console.log(
    `${result.addedKey ? `Added master key version ${result.keyVersion}. ` : `Using master key version ${result.keyVersion}. `}` +
      `Re-encrypted ${result.reencrypted} secret value(s) across ${result.rows} connection(s).`,
  );
} catch (error) {
  console.error(
    error instanceof ConfigurationError
      ? `Cannot start: ${error.message}`
      : isExpectedError(error)
        ? error.message
        : error,
  );
  exitCode = 1;
}
await disconnectDb();
process.exit(exitCode);
