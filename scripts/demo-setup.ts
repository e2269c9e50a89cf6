// Used by `npm run demo`: migrates the embedded database, gives the demo admin a fresh random
// password, and creates (or refreshes) the "Demo organization" connection to the local
// simulator, tested so that its schedule runs. Prints { email, password, connectionId,
// testOutcome, deniedOnPurpose } as JSON: the last names the cell the demo world denies.
import fs from "node:fs";
import { importConnections } from "../lib/connections/config-as-code";
import { getDb, applyMigrations, disconnectDb } from "../lib/db";
import { resetDemoAdmin } from "../lib/setup";
import { testConnection } from "../lib/connections/test-connection";
import { DEMO_RDS_DENIED } from "../simulator/src/index";

const [credentialsFile] = process.argv.slice(2);
type SimulatorCredentials = {
  endpoint: string;
  users: { accessKeyId: string; secretAccessKey: string }[];
  roles: { arn: string; externalId?: string }[];
};
const simulator = JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as SimulatorCredentials;

applyMigrations();
const admin = await resetDemoAdmin();
const name = "Demo organization";
const [outcome] = await importConnections([
  {
    name,
    accessKeyId: simulator.users[0].accessKeyId,
    secretAccessKey: simulator.users[0].secretAccessKey,
    externalId: simulator.roles[0].externalId,
    accountMode: "organizations",
    memberRoleName: simulator.roles[0].arn.split("/").pop(),
    regionMode: "all-enabled",
    endpointUrl: simulator.endpoint,
  },
]);
if (outcome.action === "failed")
  throw new Error(`Demo connection refused: ${outcome.error} ${JSON.stringify(outcome.fieldErrors)}`);
const { id } = await getDb().connection.findUniqueOrThrow({ where: { name }, select: { id: true } });
const test = await testConnection({ connectionId: id }, null, null, () => {});
const deniedOnPurpose = { ...DEMO_RDS_DENIED.aws, action: "rds:DescribeDBInstances" };
process.stdout.write(JSON.stringify({ ...admin, connectionId: id, testOutcome: test.outcome, deniedOnPurpose }));
await disconnectDb();
