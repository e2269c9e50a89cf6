// Makes tests/fixtures/pre-identity/: a database filled by the data model of before issue 11
// (one resource row per connection), dumped as JSON, for the upgrade test of the one-row-per-
// resource migration. Only works on the commit named in the fixture's README: it writes the
// tables as that commit's schema has them.
//
//   node scripts/run-ts.mjs scripts/make-pre-identity-fixture.ts
//
// Three connections read the same simulated organization as an admin would set them up:
// (a) "Demo organization" exactly as `npm run demo` creates it, (b) Organizations discovery over
// three regions, (c) explicit member role ARNs. All three collect; then the world changes
// (instances and a DB instance removed, an instance stopped, tags changed, instances added)
// and only (a) and (b) collect again, so rows removed under some connections only, change
// events, run snapshots and scope states are all present.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const OUT = path.resolve("tests/fixtures/pre-identity");
const TABLES = [
  "Connection",
  "Account",
  "Run",
  "RunScope",
  "ScopeState",
  "RunSnapshot",
  "ChangeEvent",
  "Ec2Instance",
  "DedicatedHost",
  "ReservedInstance",
  "DbInstance",
] as const;
const RESOURCE_TABLES = {
  Ec2Instance: "instanceId",
  DedicatedHost: "hostId",
  ReservedInstance: "reservedInstancesId",
  DbInstance: "dbInstanceIdentifier",
} as const;
const CHANGE_TYPES: Record<keyof typeof RESOURCE_TABLES, string> = {
  Ec2Instance: "ec2-instance",
  DedicatedHost: "dedicated-host",
  ReservedInstance: "reserved-instance",
  DbInstance: "rds-db-instance",
};

// A fresh embedded database and a test-only master key, set before any lib module reads the env.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-fixture-"));
const masterKey = `1:${crypto.randomBytes(32).toString("base64")}`;
Object.assign(process.env, {
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  CIRRUS_MASTER_KEY: masterKey,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
});

const { startSimulator, DEMO_NAMES } = await import("../simulator/src/index");
const { applyMigrations, disconnectDb, getDb } = await import("../lib/db");
const { importConnections } = await import("../lib/connections/config-as-code");
const { createConnection } = await import("../lib/connections/save-connection");
const { testConnection } = await import("../lib/connections/test-connection");
const { resetDemoAdmin } = await import("../lib/setup");
const { collectConnection } = await import("../lib/collector");

const step = (message: string) => console.error(`[fixture] ${message}`);

applyMigrations();
const sim = await startSimulator({ world: "demo" });
try {
  const creds = sim.control.credentials();
  const collector = creds.users[0];
  const memberRole = creds.roles[0];

  // (a) As scripts/demo-setup.ts does it.
  const admin = await resetDemoAdmin();
  const [demo] = await importConnections([
    {
      name: "Demo organization",
      accessKeyId: collector.accessKeyId,
      secretAccessKey: collector.secretAccessKey,
      externalId: memberRole.externalId,
      accountMode: "organizations",
      memberRoleName: memberRole.arn.split("/").pop(),
      regionMode: "all-enabled",
      endpointUrl: sim.url,
    },
  ]);
  if (demo.action === "failed") throw new Error(`demo connection refused: ${demo.error}`);
  const db = getDb();
  const a = (await db.connection.findUniqueOrThrow({ where: { name: "Demo organization" } })).id;
  await testConnection({ connectionId: a }, null, null, () => {});

  // (b) and (c) through the same service as the connection wizard, by the admin.
  const actor = {
    ...(await db.user.findUniqueOrThrow({ where: { email: admin.email }, select: { id: true } })),
    email: admin.email,
  };
  const shared = {
    accessKeyId: collector.accessKeyId,
    secretAccessKey: collector.secretAccessKey,
    externalId: memberRole.externalId,
    endpointUrl: sim.url,
  };
  const b = (
    await createConnection(
      {
        ...shared,
        name: "Acme via Organizations",
        accountMode: "organizations",
        memberRoleName: DEMO_NAMES.memberRole,
        regionMode: "list",
        regions: ["us-east-1", "us-west-2", "eu-west-1"],
      },
      { actor, ip: "127.0.0.1" },
    )
  ).id;
  const c = (
    await createConnection(
      {
        ...shared,
        name: "Acme member roles",
        accountMode: "role-arns",
        roleArns: creds.roles.map((role) => role.arn),
        regionMode: "all-enabled",
      },
      { actor, ip: "127.0.0.1" },
    )
  ).id;
  for (const id of [b, c]) await testConnection({ connectionId: id }, actor, "127.0.0.1", () => {});

  // (c) first, so that the earliest sighting of a member account's resource is not always (a)'s.
  for (const id of [c, a, b])
    step(`collect ${id}: ${(await collectConnection({ connectionId: id, trigger: "cli" })).status}`);

  const live = await db.ec2Instance.findMany({
    where: { connectionId: a, removedAt: null, accountId: "222222222222", region: "us-east-1", state: "running" },
    orderBy: { instanceId: "asc" },
    take: 3,
  });
  const [gone, stopped, retagged] = live;
  // Seen by (a) and (b) only (the member role ARNs of (c) leave out the management account):
  // removed under every connection that saw it.
  const goneEverywhere = await db.ec2Instance.findFirstOrThrow({
    where: {
      connectionId: a,
      removedAt: null,
      accountId: "111111111111",
      region: "us-east-1",
      NOT: { name: { contains: "cirrus" } },
    },
    orderBy: { instanceId: "asc" },
  });
  const dbGone = await db.dbInstance.findFirstOrThrow({
    where: { connectionId: a, removedAt: null, accountId: "333333333333", region: "us-west-2" },
    orderBy: { dbInstanceIdentifier: "asc" },
  });
  const mutations = [
    { op: "removeResource", type: "instance", account: gone.accountId, region: gone.region, id: gone.instanceId },
    {
      op: "removeResource",
      type: "instance",
      account: goneEverywhere.accountId,
      region: goneEverywhere.region,
      id: goneEverywhere.instanceId,
    },
    {
      op: "setInstanceState",
      account: stopped.accountId,
      region: stopped.region,
      id: stopped.instanceId,
      state: "stopped",
    },
    {
      op: "setInstanceTags",
      account: retagged.accountId,
      region: retagged.region,
      id: retagged.instanceId,
      tags: { Name: "renamed-by-fixture", "cost-centre": "cc-42" },
    },
    {
      op: "removeResource",
      type: "dbInstance",
      account: dbGone.accountId,
      region: dbGone.region,
      id: dbGone.dbInstanceIdentifier,
    },
    { op: "addInstances", account: "444444444444", region: "us-west-2", count: 2 },
  ] as const;
  for (const op of mutations) sim.control.mutate(op);
  for (const id of [a, b])
    step(`collect again ${id}: ${(await collectConnection({ connectionId: id, trigger: "cli" })).status}`);

  // The dump: every column, dates as ISO strings, `raw` (the API's JSON) replaced by "{}" to
  // keep the file small; `data` (the mapped row, which change detection compares) is kept.
  const tables: Record<string, Record<string, unknown>[]> = {};
  const columnTypes: Record<string, Record<string, string>> = {};
  for (const table of TABLES) {
    const model = (db as unknown as Record<string, { findMany(args: unknown): Promise<Record<string, unknown>[]> }>)[
      table[0].toLowerCase() + table.slice(1)
    ];
    const rows = (await model.findMany({})).sort(byKey);
    columnTypes[table] = columnTypesOf(table);
    tables[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          column === "raw" ? "{}" : value instanceof Date ? value.toISOString() : value,
        ]),
      ),
    );
  }
  const migration = fs
    .readdirSync("prisma/sqlite/migrations")
    .filter((entry) => /^\d{14}_/.test(entry))
    .sort()
    .at(-1)!;
  const applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name",
  );
  if (applied.at(-1)?.migration_name !== migration)
    throw new Error(`newest applied migration is ${applied.at(-1)?.migration_name}, expected ${migration}`);

  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, "rows.json"), `${JSON.stringify({ migration, columnTypes, tables })}\n`);
  fs.writeFileSync(
    path.join(OUT, "world.json"),
    `${JSON.stringify(worldFacts(tables, { a, b, c }, mutations), null, 1)}\n`,
  );
  fs.writeFileSync(path.join(OUT, "master.key"), `${masterKey}\n`);
  step(`wrote ${OUT}: ${TABLES.map((table) => `${table} ${tables[table].length}`).join(", ")}`);
} finally {
  await sim.close();
  await disconnectDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// Stable order, so that remaking the fixture on the same commit gives comparable files.
function byKey(left: Record<string, unknown>, right: Record<string, unknown>): number {
  const key = (row: Record<string, unknown>) =>
    String(row.id ?? row.runId ?? [row.connectionId, row.accountId, row.region, row.resourceType].join("|"));
  return key(left) < key(right) ? -1 : key(left) > key(right) ? 1 : 0;
}

// "DateTime" / "Boolean" for the columns whose values need converting per provider on load,
// from the schema of this commit; other columns are strings, numbers or null.
function columnTypesOf(table: string): Record<string, string> {
  const schema = fs.readFileSync("prisma/sqlite/schema.prisma", "utf8");
  const body = new RegExp(`model ${table} \\{([^}]*)\\}`).exec(schema)![1];
  const types: Record<string, string> = {};
  for (const match of body.matchAll(/^\s+(\w+)\s+(DateTime|Boolean)\??/gm)) types[match[1]] = match[2];
  return types;
}

type ResourceFacts = {
  table: string;
  resourceType: string;
  accountId: string;
  region: string;
  resourceId: string;
  firstSeenAt: string;
  connectionIds: string[];
  live: boolean;
  changeEvents: number;
};

// What the upgrade must preserve, per AWS resource (type + account + region + resource ID),
// computed from the rows of before: the earliest firstSeenAt over the connections, the
// connections that saw it, whether it is live under at least one, and its change events.
function worldFacts(
  tables: Record<string, Record<string, unknown>[]>,
  connections: Record<"a" | "b" | "c", string>,
  mutations: readonly unknown[],
) {
  const resources: ResourceFacts[] = [];
  for (const [table, idField] of Object.entries(RESOURCE_TABLES) as [keyof typeof RESOURCE_TABLES, string][]) {
    const byResource = new Map<string, Record<string, unknown>[]>();
    for (const row of tables[table]) {
      const key = [row.accountId, row.region, row[idField]].join("|");
      byResource.set(key, [...(byResource.get(key) ?? []), row]);
    }
    for (const [key, rows] of byResource) {
      const [accountId, region, resourceId] = key.split("|");
      const events = tables.ChangeEvent.filter(
        (event) =>
          event.resourceType === CHANGE_TYPES[table] &&
          event.accountId === accountId &&
          event.region === region &&
          event.resourceId === resourceId,
      );
      resources.push({
        table,
        resourceType: CHANGE_TYPES[table],
        accountId,
        region,
        resourceId,
        firstSeenAt: rows.map((row) => String(row.firstSeenAt)).sort()[0],
        connectionIds: rows.map((row) => String(row.connectionId)).sort(),
        live: rows.some((row) => row.removedAt === null),
        changeEvents: events.length,
      });
    }
  }
  return {
    about:
      "Facts of the pre-identity fixture per AWS resource (computed from rows.json by scripts/make-pre-identity-fixture.ts)",
    connections: Object.fromEntries(
      Object.entries(connections).map(([label, id]) => [
        label,
        { id, name: tables.Connection.find((row) => row.id === id)?.name },
      ]),
    ),
    mutations,
    totals: {
      resources: resources.length,
      byTable: Object.fromEntries(
        Object.keys(RESOURCE_TABLES).map((table) => [
          table,
          resources.filter((resource) => resource.table === table).length,
        ]),
      ),
      live: resources.filter((resource) => resource.live).length,
      changeEvents: tables.ChangeEvent.length,
    },
    resources,
  };
}
