// `npm run connections -- import <file.json>` creates or updates connections (secrets in the
// file are stored encrypted); `export` prints them without secrets; `test <name> [--mfa-code
// 123456]` runs Test Connection on a saved connection: the checklist on stdout, exit 0 when it
// passed, 2 when it passed with warnings, 1 when it failed. Like the button, a pass is recorded
// and lets the connection's schedule run. Bad arguments or an unusable file: one line, exit 1.
import { parseArgs } from "node:util";
import { exportConnections, importConnections, type ImportOutcome } from "../lib/connections/config-as-code";
import { checkLine, EXIT_CODE, scheduleLine, summaryLines } from "../lib/connections/cli/test-checklist";
import type { CheckEvent } from "../lib/connections/probe";
import { getConnectionDetail } from "../lib/connections/read-connections";
import { testConnection } from "../lib/connections/test-connection";
import { disconnectDb, getDb } from "../lib/db";
import { isExpectedError } from "../lib/errors";
import { fromCallerDirectory } from "./cli/caller-path";
import { openDatabaseForCli } from "./cli/database";
import { InputFileError, readJsonFile } from "./cli/json-file";

const USAGE = "usage: npm run connections -- import <file.json> | export | test <name> [--mfa-code 123456]";

function fail(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(1);
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { "mfa-code": { type: "string" } }, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(error instanceof Error ? error.message : undefined);
  }
}

const { values, positionals } = parse(process.argv.slice(2));
const [command, ...rest] = positionals;
const valid =
  (command === "export" && rest.length === 0 && !values["mfa-code"]) ||
  (command === "import" && rest.length === 1 && !values["mfa-code"]) ||
  (command === "test" && rest.length === 1);
if (!valid)
  fail(
    command === "test" && rest.length > 1
      ? `Quote a name with spaces: npm run connections -- test "${rest.join(" ")}"`
      : undefined,
  );

function importLine(outcome: ImportOutcome): string {
  const detail = outcome.fieldErrors
    ? ` ${JSON.stringify(outcome.fieldErrors)}`
    : outcome.error
      ? ` ${outcome.error}`
      : "";
  const externalId = outcome.generatedExternalId
    ? ` (no externalId in the file: generated ${outcome.generatedExternalId}; the member roles' trust policy must name it in its sts:ExternalId condition)`
    : "";
  return `${outcome.action.padEnd(8)} ${outcome.name}${detail}${externalId}`;
}

async function runImport(json: unknown): Promise<number> {
  let exitCode = 0;
  for (const outcome of await importConnections(json)) {
    console.log(importLine(outcome));
    if (outcome.action === "failed") exitCode = 2;
  }
  return exitCode;
}

async function runTest(name: string, mfaCode: string | undefined): Promise<number> {
  const row = await getDb().connection.findUnique({ where: { name }, select: { id: true } });
  if (!row) {
    const names = (await getDb().connection.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map(
      (connection) => `"${connection.name}"`,
    );
    console.error(
      `No connection named "${name}".${names.length ? ` Connections: ${names.join(", ")}` : " This database has no connections."}`,
    );
    return 1;
  }
  console.error(`[connections] Testing "${name}"…`);
  const checks = new Map<string, CheckEvent>();
  const result = await testConnection({ connectionId: row.id, mfaCode }, null, null, (event) => {
    if (event.status === "running") return;
    checks.set(event.id, event);
    console.log(checkLine(event));
  });
  for (const line of summaryLines(result.outcome, [...checks.values()])) console.log(line);
  // The check's own hint speaks of the form; on the command line the code is an option.
  const needsCode = [...checks.values()].some((event) => event.step === "mfa" && event.status === "mfa");
  if (needsCode)
    console.log(
      `Run it again with the current code from the MFA device: npm run connections -- test "${name}" --mfa-code 123456`,
    );
  if (result.recorded)
    console.log(`Recorded as the connection's latest test. ${scheduleLine(await getConnectionDetail(row.id))}`);
  return EXIT_CODE[result.outcome];
}

// A file that cannot be read or parsed stops before the database is touched.
function readImportFile(file: string): unknown {
  try {
    return readJsonFile(fromCallerDirectory(file), file);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const importFile = command === "import" ? readImportFile(rest[0]) : undefined;

openDatabaseForCli("connections");
let exitCode = 0;
try {
  if (command === "export") console.log(JSON.stringify(await exportConnections(), null, 2));
  else if (command === "import") exitCode = await runImport(importFile);
  else exitCode = await runTest(rest[0], values["mfa-code"]);
} catch (error) {
  if (!isExpectedError(error)) throw error;
  console.error(error.message);
  exitCode = 1;
}
await disconnectDb();
process.exit(exitCode);
