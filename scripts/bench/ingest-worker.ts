// Ingest alone: reconcileScope for N instance rows into a fresh database (DATA_DIR from the
// parent; SQLite unless DATABASE_URL says otherwise), 200 rows per scope as in the scale world.
// Rows are the simulator's generated instances mapped by the collector's own mapper; generating
// and mapping is not timed. A second pass over the same rows (an unchanged world) is timed too.
// Prints one JSON line on stdout. Usage: ingest-worker.ts <rows>
import { performance } from "node:perf_hooks";
import type { Instance } from "@aws-sdk/client-ec2";
import { mapInstance } from "../../lib/resources/ec2-instance/map";
import type { InstanceRow } from "../../lib/resources/rows";
import { reconcileScope } from "../../lib/collector/store/reconcile-scope";
import { applyMigrations, disconnectDb, getDatabaseTarget, getDb } from "../../lib/db";
import { generateRegion } from "../../simulator/src/world/generate/region";

export type IngestResult = {
  provider: string;
  rows: number;
  scopes: number;
  firstPassMs: number;
  secondPassMs: number;
  stored: number;
  rowsPerSecond: number;
};

const ROWS_PER_SCOPE = 200;
const total = Number(process.argv[2] ?? 100_000);
const regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];

function scopeRows(index: number, count: number): { accountId: string; region: string; rows: InstanceRow[] } {
  const accountId = String(200000000000 + Math.floor(index / regions.length));
  const region = regions[index % regions.length];
  const g = generateRegion({
    seed: 7,
    partition: "aws",
    accountId,
    region,
    env: "gen",
    counts: { instances: count, hosts: 1, reservedInstances: 0, dbInstances: 0 },
  });
  const images = new Map(
    g.images.map((image) => [
      image.ImageId,
      { name: image.Name ?? null, ownerId: image.OwnerId ?? null, productCodes: [] },
    ]),
  );
  const rows = g.instances.map((instance) =>
    mapInstance(
      instance as unknown as Instance,
      { ReservationId: instance.ReservationId, OwnerId: accountId },
      images.get(instance.ImageId) ?? null,
    ),
  );
  return { accountId, region, rows };
}

applyMigrations();
const scopes = Array.from({ length: Math.ceil(total / ROWS_PER_SCOPE) }, (_, i) =>
  Math.min(ROWS_PER_SCOPE, total - i * ROWS_PER_SCOPE),
);

async function pass(runId: string): Promise<number> {
  let elapsed = 0;
  for (const [index, count] of scopes.entries()) {
    const { accountId, region, rows } = scopeRows(index, count);
    const started = performance.now();
    await reconcileScope(
      { connectionId: "bench-ingest", accountId, region, resourceType: "ec2-instance" },
      rows,
      runId,
    );
    elapsed += performance.now() - started;
  }
  return elapsed;
}

const firstPassMs = await pass("bench-ingest-run-1");
const secondPassMs = await pass("bench-ingest-run-2");
const stored = await getDb().ec2Instance.count({ where: { connectionId: "bench-ingest" } });
const result: IngestResult = {
  provider: getDatabaseTarget().provider,
  rows: total,
  scopes: scopes.length,
  firstPassMs,
  secondPassMs,
  stored,
  rowsPerSecond: total / (firstPassMs / 1000),
};
await disconnectDb();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
