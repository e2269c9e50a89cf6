// Where a collection's CPU goes, by stage: the collector process samples itself with V8's
// profiler (node:inspector, every 2 ms: about 1 % overhead) for the duration of the run, and
// each sample is charged to the innermost frame of its stack that belongs to a stage. So
// JSON.stringify inside planReconcile counts as planning, SQLite's own time inside the scope
// writer as scope writes, the SDK's XML/JSON parsing and signing as SDK.
import fs from "node:fs";
import { Session } from "node:inspector/promises";

export const STAGES = [
  "SDK (parse, sign, HTTP)",
  "mapping (lib/resources)",
  "reconcile planning",
  "database: scope writes",
  "database: other queries (Prisma)",
  "licence figures (snapshot)",
  "garbage collection",
  "other (scheduling, jobs, streams)",
] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage, number>;

type Frame = { functionName: string; url: string };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

// Checked against each frame from the innermost out; the first rule that matches decides.
const RULES: [Stage, (frame: Frame) => boolean][] = [
  ["reconcile planning", (f) => f.url.includes("/lib/collector/store/reconcile-plan")],
  [
    "database: scope writes",
    (f) => /\/lib\/collector\/store\/|node_modules\/better-sqlite3\//.test(f.url) && !f.url.includes("@prisma"),
  ],
  ["database: other queries (Prisma)", (f) => f.url.includes("node_modules/@prisma/")],
  ["SDK (parse, sign, HTTP)", (f) => /node_modules\/@(aws-sdk|smithy)\//.test(f.url)],
  ["mapping (lib/resources)", (f) => f.url.includes("/lib/resources/")],
  ["licence figures (snapshot)", (f) => f.url.includes("/lib/licensing/")],
];

function stageOf(stack: Frame[]): Stage {
  if (stack[0]?.functionName === "(garbage collector)") return "garbage collection";
  for (const frame of stack) for (const [stage, matches] of RULES) if (matches(frame)) return stage;
  return "other (scheduling, jobs, streams)";
}

/** CPU milliseconds per stage in a V8 CPU profile (idle time left out). */
export function stagesOfProfile(profile: Profile): StageTimes {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageByNode = new Map<number, Stage | null>();
  const times = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageTimes;
  profile.samples.forEach((id, index) => {
    let stage = stageByNode.get(id);
    if (stage === undefined) {
      const stack: Frame[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
      stage = stack[0]?.functionName === "(idle)" ? null : stageOf(stack);
      stageByNode.set(id, stage);
    }
    if (stage) times[stage] += (profile.timeDeltas[index] ?? 0) / 1000;
  });
  return times;
}

/** Starts sampling this process's main thread; the returned function stops and sums by stage. */
export async function profileStages(): Promise<() => Promise<StageTimes>> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 2000 });
  await session.post("Profiler.start");
  return async () => {
    const { profile } = (await session.post("Profiler.stop")) as { profile: Profile };
    session.disconnect();
    // The whole profile, for a closer look (Chrome DevTools or any .cpuprofile viewer).
    if (process.env.CIRRUS_BENCH_CPU_PROFILE)
      fs.writeFileSync(process.env.CIRRUS_BENCH_CPU_PROFILE, JSON.stringify(profile));
    return stagesOfProfile(profile);
  };
}

/** "SDK 2.1 s (35 %), mapping 0.4 s (7 %), ...": the stages over their total. */
export function formatStages(times: StageTimes): string {
  const total = STAGES.reduce((sum, stage) => sum + times[stage], 0) || 1;
  return STAGES.filter((stage) => times[stage] > 0)
    .map((stage) => `${stage} ${(times[stage] / 1000).toFixed(2)} s (${Math.round((times[stage] / total) * 100)} %)`)
    .join(", ");
}
