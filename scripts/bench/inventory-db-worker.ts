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
import { TYPE_CONFIG } from "../../lib/inventory/query/config";
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
// Every sortable column in both directions, unfiltered: the first page and a keyset page from a
// cursor ~90 % of the way in (the deepest pages the table's Next reaches), each median of 3.
export type SortTimes = { sort: string; order: "asc" | "desc"; firstMs: number; deepMs: number };
export type DbWorkerResult = { shapes: ShapeQueryTimes[]; sorts: SortTimes[]; overviewLoadMs: number };

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

const sorts: SortTimes[] = [];
for (const sort of TYPE_CONFIG.instances.sortable) {
  for (const order of ["asc", "desc"] as const) {
    const query = parseInventoryQuery("instances", new URLSearchParams({ sort, order, pageSize: String(PAGE_SIZE) }));
    const where = await buildWhere("instances", query);
    const total = await countRows("instances", where);
    // The cursor after the row ~90 % in, as a client holding nextCursor there would send it.
    const near = await readPage("instances", query, where, { limit: 1, skip: Math.floor(total * 0.9) });
    const cursor = near.nextCursor;
    sorts.push({
      sort,
      order,
      firstMs: await median(() => readPage("instances", query, where, { limit: PAGE_SIZE })),
      deepMs: await median(() => readPage("instances", query, where, { limit: PAGE_SIZE, cursor })),
    });
    process.stderr.write(`[db] sort ${sort} ${order}: ${JSON.stringify(sorts.at(-1))}\n`);
  }
}

// What the Overview page reads from the database (lib/inventory/overview/load-current.ts).
const { loadCurrentInventory } = await import("../../lib/inventory/overview/load-current");
const overviewLoadMs = await median(() => loadCurrentInventory());

await disconnectDb();
process.stdout.write(`${JSON.stringify({ shapes: results, sorts, overviewLoadMs } satisfies DbWorkerResult)}\n`);
process.exit(0);
