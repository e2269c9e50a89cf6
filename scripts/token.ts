// `npm run token -- create --name <n> --role viewer|admin [--expires-days 30|90|365|never]`
// prints a new API token (only the token, one line, so scripts can capture it; 90 days unless
// told); `list` shows tokens without secrets; `revoke <id>` revokes one. Bad arguments: usage
// on stderr, exit 1. A token made here has no creator user (whoever runs this already controls
// the server and its database): it keeps its own role and is not tied to any user's account.
import { parseArgs } from "node:util";
import { createApiToken, createApiTokenSchema, listApiTokens, revokeApiToken } from "../lib/api-tokens";
import { disconnectDb } from "../lib/db";
import { isExpectedError } from "../lib/errors";
import { openDatabaseForCli } from "./cli/database";

const USAGE =
  "usage: npm run token -- create --name <name> --role viewer|admin [--expires-days 30|90|365|never] | list | revoke <id>";

function fail(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(1);
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { name: { type: "string" }, role: { type: "string" }, "expires-days": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : undefined);
  }
}

const { values, positionals } = parse(process.argv.slice(2));
const [command, ...rest] = positionals;
const valid =
  (command === "create" && rest.length === 0) ||
  (command === "list" && rest.length === 0 && !values.name && !values.role && !values["expires-days"]) ||
  (command === "revoke" && rest.length === 1 && !values.name && !values.role && !values["expires-days"]);
if (!valid) fail();
const createInput =
  command === "create"
    ? createApiTokenSchema.safeParse({ name: values.name, role: values.role, expiresIn: values["expires-days"] })
    : undefined;
const flagOf = (field: string) => (field === "expiresIn" ? "expires-days" : field);
if (createInput && !createInput.success)
  fail(createInput.error.issues.map((issue) => `--${flagOf(issue.path.join("."))}: ${issue.message}`).join("\n"));

openDatabaseForCli("token");
let exitCode = 0;
try {
  if (createInput?.success) {
    const { token } = await createApiToken(createInput.data, null);
    process.stdout.write(`${token}\n`);
  } else if (command === "list") {
    for (const token of await listApiTokens()) {
      const status = token.revokedAt ? `revoked ${token.revokedAt}` : token.status;
      const expiry = `expires ${token.expiresAt ?? "never"}`;
      console.log(
        [
          token.id,
          token.prefix + "…",
          token.role.padEnd(6),
          status,
          expiry,
          `last used ${token.lastUsedAt ?? "never"}`,
          token.name,
        ].join("  "),
      );
    }
  } else {
    await revokeApiToken(rest[0], null);
    console.log(`Revoked ${rest[0]}`);
  }
} catch (error) {
  console.error(isExpectedError(error) ? error.message : error);
  exitCode = 1;
}
await disconnectDb();
process.exit(exitCode);
