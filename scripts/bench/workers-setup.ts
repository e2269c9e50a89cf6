// The scale-out bench's database, before any worker starts: the schema (once, so N workers
// starting together do not race to migrate) and the bench connection. Prints its id as JSON.
// Usage (from workers-bench.ts): workers-setup.ts <endpoint> <credentials.json> <externalId> <concurrency>
import fs from "node:fs";
import { createConnection } from "../../lib/connections/save-connection";
import { verifyMasterKeys } from "../../lib/crypto/verify-master-keys";
import { applyMigrations, disconnectDb } from "../../lib/db";
import { MEMBER_ROLE } from "./world";

export type WorkersSetupResult = { connectionId: string };

const [endpoint, credentialsFile, externalId, concurrency] = process.argv.slice(2);
type Credentials = { users: { accessKeyId: string; secretAccessKey: string }[] };
const creds = JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as Credentials;

applyMigrations();
await verifyMasterKeys();
const { id } = await createConnection(
  {
    name: "bench",
    accessKeyId: creds.users[0].accessKeyId,
    secretAccessKey: creds.users[0].secretAccessKey,
    externalId,
    accountMode: "organizations",
    memberRoleName: MEMBER_ROLE,
    regionMode: "all-enabled",
    endpointUrl: endpoint,
    concurrency: Number(concurrency),
    schedule: "",
  },
  { actor: null, ip: null },
);
await disconnectDb();
const output: WorkersSetupResult = { connectionId: id };
process.stdout.write(`${JSON.stringify(output)}\n`);
process.exit(0);
