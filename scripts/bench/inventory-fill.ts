// Fills the bench database (DATA_DIR / DATABASE_URL from the parent) the way a collection does:
// the simulator's generated resources, mapped by the collector's mappers and stored through the
// collector's own reconcileScope, one transaction per account x region x resource type. Then an
// admin to sign in with and a viewer API token. Prints one JSON line on stdout.
// Usage: inventory-fill.ts <rows>
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Host, Instance, ReservedInstances } from "@aws-sdk/client-ec2";
import type { DBInstance } from "@aws-sdk/client-rds";
import { createApiToken } from "../../lib/api-tokens";
import { hashPassword } from "../../lib/auth/password-hash";
import { reconcileScope } from "../../lib/collector/store/reconcile-scope";
import { createConnection } from "../../lib/connections/save-connection";
import { applyMigrations, disconnectDb, getDatabaseTarget, getDb } from "../../lib/db";
import { mapHost } from "../../lib/resources/dedicated-host/map";
import { mapInstance } from "../../lib/resources/ec2-instance/map";
import { mapDbInstance } from "../../lib/resources/rds-db-instance/map";
import { mapReservedInstance } from "../../lib/resources/reserved-instance/map";
import { generateRegion } from "../../simulator/src/world/generate/region";
import { benchScopes, CONNECTIONS, type BenchScope } from "./inventory-world";

export type FillResult = {
  provider: string;
  instances: number;
  removed: number;
  hosts: number;
  reservedInstances: number;
  dbInstances: number;
  scopes: number;
  fillMs: number;
  analyzeMs: number;
  email: string;
  password: string;
  token: string;
};

const rows = Number(process.argv[2] ?? 100_000);
const DAY_MS = 86_400_000;

function generate(scope: BenchScope) {
  const g = generateRegion({
    seed: 11,
    partition: "aws",
    accountId: scope.accountId,
    region: scope.region,
    env: scope.env,
    counts: { instances: scope.instances + scope.removed, hosts: 2, reservedInstances: 3, dbInstances: 2 },
  });
  const images = new Map(
    g.images.map((image) => [
      image.ImageId,
      { name: image.Name ?? null, ownerId: image.OwnerId ?? null, productCodes: [] },
    ]),
  );
  return {
    instances: g.instances.map((i) =>
      mapInstance(
        i as unknown as Instance,
        { ReservationId: i.ReservationId, OwnerId: scope.accountId },
        images.get(i.ImageId) ?? null,
      ),
    ),
    hosts: g.hosts.map((h) => mapHost(h as unknown as Host)),
    reservedInstances: g.reservedInstances.map((r) => mapReservedInstance(r as unknown as ReservedInstances)),
    dbInstances: g.dbInstances.map((d) => mapDbInstance(d as unknown as DBInstance)),
  };
}

applyMigrations();
const db = getDb();
const connectionIds: string[] = [];
for (const name of CONNECTIONS) {
  const { id } = await createConnection(
    {
      name,
      accessKeyId: "BENCHINVENTORYKEYID",
      secretAccessKey: "bench-secret-not-used",
      accountMode: "organizations",
      memberRoleName: "CirrusInventoryRole",
      regionMode: "all-enabled",
      externalId: "bench-external-id",
    },
    { actor: null, ip: null },
  );
  connectionIds.push(id);
}

const scopes = benchScopes(rows);
const seen = new Set<string>();
for (const scope of scopes) {
  const key = `${scope.connection}|${scope.accountId}`;
  if (seen.has(key)) continue;
  seen.add(key);
  await db.account.create({
    data: {
      connectionId: connectionIds[scope.connection],
      accountId: scope.accountId,
      alias: scope.alias,
      name: scope.alias ?? `Account ${scope.accountId}`,
      lastSeenAt: new Date(),
    },
  });
}

const totals = { instances: 0, removed: 0, hosts: 0, reservedInstances: 0, dbInstances: 0 };
const now = Date.now();
let fillMs = 0;
for (const scope of scopes) {
  const g = generate(scope);
  const ref = { connectionId: connectionIds[scope.connection], accountId: scope.accountId, region: scope.region };
  const started = performance.now();
  const at = new Date(now - (scope.removed ? DAY_MS : 0));
  await reconcileScope({ ...ref, resourceType: "ec2-instance" }, g.instances, "bench-run-1", at);
  // A later run that no longer sees the last `removed` instances: their rows get removedAt.
  if (scope.removed)
    await reconcileScope(
      { ...ref, resourceType: "ec2-instance" },
      g.instances.slice(0, scope.instances),
      "bench-run-2",
      new Date(now),
    );
  await reconcileScope({ ...ref, resourceType: "dedicated-host" }, g.hosts, "bench-run-1", at);
  await reconcileScope({ ...ref, resourceType: "reserved-instance" }, g.reservedInstances, "bench-run-1", at);
  await reconcileScope({ ...ref, resourceType: "rds-db-instance" }, g.dbInstances, "bench-run-1", at);
  fillMs += performance.now() - started;
  totals.instances += scope.instances;
  totals.removed += scope.removed;
  totals.hosts += g.hosts.length;
  totals.reservedInstances += g.reservedInstances.length;
  totals.dbInstances += g.dbInstances.length;
}

// PostgreSQL's autovacuum vacuums and analyzes a table soon after a bulk load; the bench does it
// at once so plans (and index-only scans) are the steady state's. SQLite has no automatic
// ANALYZE, and Cirrus runs none: left as is.
const analyzeStarted = performance.now();
if (getDatabaseTarget().provider === "postgresql") await db.$executeRawUnsafe("VACUUM ANALYZE");
const analyzeMs = performance.now() - analyzeStarted;

const email = "bench-admin@example.test";
const password = crypto.randomBytes(18).toString("base64url");
await db.user.create({
  data: { email, role: "admin", name: "Bench admin", passwordHash: await hashPassword(password) },
});
const { token } = await createApiToken({ name: "bench:inventory", role: "viewer" }, null);
const stored = await db.ec2Instance.count({ where: { removedAt: null } });
if (stored !== totals.instances) throw new Error(`expected ${totals.instances} current instances, found ${stored}`);

const result: FillResult = {
  provider: getDatabaseTarget().provider,
  ...totals,
  scopes: scopes.length,
  fillMs,
  analyzeMs,
  email,
  password,
  token,
};
await disconnectDb();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
