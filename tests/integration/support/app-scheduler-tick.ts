// One web app instance's scheduler, as start-server.ts starts it with JOBS_IN_APP=off, made to
// tick at an agreed instant (argv[2], epoch ms) several times at once, so that two instances
// started side by side race for the same due time as hard as they can. Prints how many runs
// this instance queued.
import { startCollectionRuntime } from "@/lib/collector/jobs/runtime";
import { scheduleDueRuns } from "@/lib/collector/schedule/scheduler";

const TICKS_AT_ONCE = 4;
const at = Number(process.argv[2]);
const runtime = await startCollectionRuntime("app", false);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
const queued = await Promise.all(Array.from({ length: TICKS_AT_ONCE }, () => scheduleDueRuns(runtime)));
console.log(`queued=${queued.reduce((sum, count) => sum + count, 0)}`);
await runtime.close(0);
process.exit(0);
