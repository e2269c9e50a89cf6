// `npm run collect -- --connection <name> [--mfa-code 123456]` or `--all`: one collection per
// connection, progress on stderr, a summary table on stdout. Exit 0 when every run succeeded,
// 2 when some were partial, 1 when one failed, was skipped or could not start. A run that is not
// a success ends its progress with why (which scopes failed, and what AWS said).
import { parseArgs } from "node:util";
import { collectConnection, getRunDetail, type RunDetail } from "../lib/collector";
import { listConnections } from "../lib/connections/read-connections";
import { disconnectDb } from "../lib/db";
import { stopProcessWorker } from "../lib/jobs";
import { verifyMasterKeys } from "../lib/crypto/verify-master-keys";
import { formatRunTable } from "../lib/collector/cli-summary";
import { openDatabaseForCli } from "./cli/database";

const { values } = parseArgs({
  options: { connection: { type: "string" }, all: { type: "boolean" }, "mfa-code": { type: "string" } },
});
if (!values.connection && !values.all) {
  console.error("usage: npm run collect -- --connection <name> [--mfa-code 123456] | --all");
  process.exit(1);
}
openDatabaseForCli("collect");
// A master key that does not match the stored secrets stops here, naming its version.
await verifyMasterKeys().catch((error: unknown) => {
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const everyConnection = await listConnections();
const connections = everyConnection.filter((connection) => values.all || connection.name === values.connection);
if (connections.length === 0) {
  const names = everyConnection.map((connection) => `"${connection.name}"`).join(", ");
  console.error(
    values.all
      ? "This database has no connections."
      : `No connection named "${values.connection}". ${names ? `Connections: ${names}` : "This database has no connections."}`,
  );
  process.exit(1);
}
// The run's one-line reason, as the Runs list shows it ("1 scope denied: rds:DescribeDBInstances
// in 333333333333 eu-west-1"), else the first failed scope's error, else the run's own error.
function why(detail: RunDetail | null): string {
  if (!detail) return "";
  const reason = (detail as RunDetail & { reason?: string | null }).reason;
  const failed = detail.scopes.find((scope) => scope.status === "failed");
  const firstFailure =
    failed && `${failed.accountId} ${failed.region} ${failed.resourceType}: ${failed.errorCode ?? "error"}`;
  const text = reason ?? firstFailure ?? detail.skippedReason ?? detail.errorMessage;
  const read = detail.scopesPlanned
    ? ` (${detail.scopesDone} of ${detail.scopesPlanned} scopes read, ${detail.items} items)`
    : "";
  return text ? `${read}: ${text}` : read;
}

// 1 (failed) outranks 2 (partial), which outranks 0.
const worseExit = (a: number, b: number) => (a === 1 || b === 1 ? 1 : Math.max(a, b));
let exitCode = 0;
const details = [];
for (const connection of connections) {
  console.error(`[collect] ${connection.name}: starting`);
  try {
    const result = await collectConnection(
      { connectionId: connection.id, trigger: "cli", mfaCode: values["mfa-code"] },
      { onProgress: (line) => console.error(`[collect] ${connection.name}: ${line}`) },
    );
    const detail = await getRunDetail(result.runId);
    if (detail) details.push(detail);
    exitCode = worseExit(exitCode, result.status === "succeeded" ? 0 : result.status === "partial" ? 2 : 1);
    console.error(`[collect] ${connection.name}: ${result.status}${result.status === "succeeded" ? "" : why(detail)}`);
  } catch (error) {
    exitCode = worseExit(exitCode, 1);
    console.error(
      `[collect] ${connection.name}: could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
process.stdout.write(formatRunTable(details));
await stopProcessWorker();
await disconnectDb();
process.exit(exitCode);
