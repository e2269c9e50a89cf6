// The two reads behind one offset page of the inventory (lib/inventory/query/list-inventory.ts:
// its where, its keyset order), timed apart inside one process with no HTTP around them: the
// page's rows (readPage with skip) and the total (countRows) for every bench shape, on its
// first page (median of 3),
// middle and last page (once each).
// DATA_DIR / DATABASE_URL from the parent. Prints one JSON line on stdout.
import { performance } from "node:perf_hooks";
import { disconnectDb, getDb } from "../../lib/db";
import { parseInventoryQuery } from "../../lib/inventory/query";
import { countRows, readPage } from "../../lib/inventory/query/list-inventory-cursor";
import { buildWhere } from "../../lib/inventory/query/where";
import { PAGE_SIZE, SHAPES } from "./inventory-shapes";

export type ShapeQueryTimes = {
  shape: string;
  total: number;
  countMs: number;
  firstPageMs: number;
  midPageMs: number;
  lastPageMs: number;
};
export type DbWorkerResult = { shapes: ShapeQueryTimes[]; overviewLoadMs: number };

const REPEATS = 3;

async function median(run: () => Promise<unknown>, repeats = REPEATS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

const results: ShapeQueryTimes[] = [];
await getDb().user.count(); // connect before timing
for (const shape of SHAPES) {
  const query = parseInventoryQuery("instances", new URLSearchParams({ ...shape.params, pageSize: String(PAGE_SIZE) }));
  const where = await buildWhere("instances", query);
  const total = await countRows("instances", where);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = (n: number) => () =>
    readPage("instances", query, where, { limit: PAGE_SIZE, skip: (n - 1) * PAGE_SIZE });
  results.push({
    shape: shape.id,
    total,
    countMs: await median(() => countRows("instances", where)),
    firstPageMs: await median(page(1)),
    // Deep pages once each: on SQLite an unindexed sort with a large OFFSET takes seconds.
    midPageMs: await median(page(Math.ceil(pageCount / 2)), 1),
    lastPageMs: await median(page(pageCount), 1),
  });
  process.stderr.write(`[db] ${shape.id}: ${JSON.stringify(results.at(-1))}\n`);
}

// What the Overview page reads from the database (lib/inventory/overview/load-current.ts).
const { loadCurrentInventory } = await import("../../lib/inventory/overview/load-current");
const overviewLoadMs = await median(() => loadCurrentInventory());

await disconnectDb();
process.stdout.write(`${JSON.stringify({ shapes: results, overviewLoadMs } satisfies DbWorkerResult)}\n`);
process.exit(0);
