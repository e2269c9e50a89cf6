// `npm run bench:collect -- --software 20`: what software collection costs. One scale world whose
// running instances are SSM managed nodes with N applications each, collected twice by the real
// collector in its own process (fresh SQLite each): with software collection off (today's
// collection: EC2, hosts, RIs, RDS) and on (plus DescribeInstanceInformation and the GetInventory
// passes). Target: wall time with software on within 1.5x of off. Rows stored are checked against
// the world (materialized here with the simulator's own generator).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { World } from "../../simulator/src/index";
import type { BenchArgs } from "./args";
import type { CollectWorkerResult } from "./collect-worker";
import { STAGES } from "./cpu-stages";
import { runJsonChild, startSimProcess } from "./sim-process";
import { buildBenchWorld, SHARED_EXTERNAL_ID, writeWorldFile } from "./world";

const TARGET_RATIO = 1.5;
const log = (line: string) => process.stderr.write(`${line}\n`);

type Expected = { instances: number; managedNodes: number; software: number };

// Managed nodes Cirrus stores: SSM agents on EC2 instances that are not terminated; their
// applications once each.
function expectedRows(world: World, spec: ReturnType<typeof buildBenchWorld>["spec"]): Expected {
  const expected = { instances: 0, managedNodes: 0, software: 0 };
  for (const account of spec.accounts)
    for (const region of account.regions) {
      for (const instance of world.region(account.id, region.name)?.instances ?? []) {
        const state = instance.State.Name;
        if (state !== "terminated") expected.instances++;
        if (!instance.Ssm || state === "terminated" || state === "shutting-down") continue;
        expected.managedNodes++;
        expected.software += instance.Ssm.Applications.length;
      }
    }
  return expected;
}

export async function runSoftwareBench(args: BenchArgs, work: string): Promise<string> {
  const size = {
    accounts: args.accounts,
    regions: args.regions,
    instancesPerRegion: args.instancesPerRegion,
    applicationsPerNode: args.software ?? 20,
  };
  log(
    `[bench] software: ${size.accounts} accounts x ${size.regions} regions x ${size.instancesPerRegion} instances, ${size.applicationsPerNode} applications per managed node, ${args.latencyMs} ms per call, concurrency ${args.concurrency}`,
  );
  const world = buildBenchWorld(size);
  const expected = expectedRows(new World(world.spec), world.spec);
  const file = writeWorldFile(work, "software", world.spec);
  const sim = await startSimProcess(file, args.latencyMs, path.join(work, "software.credentials.json"));
  const results: Record<"off" | "on", CollectWorkerResult> = {} as never;
  try {
    for (const mode of ["off", "on"] as const) {
      const dataDir = path.join(work, `data-software-${mode}`);
      log(`[bench] software ${mode}: collecting`);
      results[mode] = await runJsonChild<CollectWorkerResult>(
        "scripts/bench/collect-worker.ts",
        [sim.url, sim.credentialsFile, SHARED_EXTERNAL_ID, String(args.concurrency), `software-${mode}`, "rerun"],
        { DATA_DIR: dataDir, DATABASE_URL: "" },
        (line) => {
          if (!/^\[worker\]/.test(line)) log(`  ${line}`);
        },
      );
      log(`[bench] software ${mode}: ${results[mode].status} in ${(results[mode].wallMs / 1000).toFixed(1)} s`);
      if (!args.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await sim.stop();
  }
  return report(size, expected, results);
}

function report(
  size: { accounts: number; regions: number; instancesPerRegion: number; applicationsPerNode: number },
  expected: Expected,
  { off, on }: Record<"off" | "on", CollectWorkerResult>,
): string {
  const ratio = on.wallMs / off.wallMs;
  const rerunRatio = on.rerun && off.rerun ? on.rerun.wallMs / off.rerun.wallMs : NaN;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rows: [string, string, string][] = [
    ["run status", off.status, on.status],
    ["wall", seconds(off.wallMs), seconds(on.wallMs)],
    ["requests", String(off.runRequests), String(on.runRequests)],
    ["throttled", String(off.runThrottles), String(on.runThrottles)],
    ["collector CPU", seconds(off.cpuMs), seconds(on.cpuMs)],
    ["peak RSS", `${off.peakRssMb.toFixed(0)} MB`, `${on.peakRssMb.toFixed(0)} MB`],
    ["database writes (time)", `${off.writes} (${seconds(off.writeMs)})`, `${on.writes} (${seconds(on.writeMs)})`],
    ["slowest scope", seconds(off.slowestScopeMs), seconds(on.slowestScopeMs)],
    [
      "instances stored / world",
      `${off.storedInstances} / ${expected.instances}`,
      `${on.storedInstances} / ${expected.instances}`,
    ],
    [
      "managed nodes stored / world",
      `${off.storedManagedNodes} / 0`,
      `${on.storedManagedNodes} / ${expected.managedNodes}`,
    ],
    ["software rows stored / world", `${off.storedSoftware} / 0`, `${on.storedSoftware} / ${expected.software}`],
    ["unchanged re-run: status", off.rerun?.status ?? "-", on.rerun?.status ?? "-"],
    ["unchanged re-run: wall", seconds(off.rerun?.wallMs ?? NaN), seconds(on.rerun?.wallMs ?? NaN)],
    ["unchanged re-run: collector CPU", seconds(off.rerun?.cpuMs ?? NaN), seconds(on.rerun?.cpuMs ?? NaN)],
    ["unchanged re-run: writes (time)", seconds(off.rerun?.writeMs ?? NaN), seconds(on.rerun?.writeMs ?? NaN)],
  ];
  const stages = STAGES.map((stage): [string, string, string] => [
    `CPU: ${stage}`,
    seconds(off.stages[stage]),
    seconds(on.stages[stage]),
  ]);
  const width = Math.max(...[...rows, ...stages].map(([label]) => label.length));
  const line = ([label, a, b]: [string, string, string]) =>
    `${label.padEnd(width)}  ${a.padStart(22)}  ${b.padStart(22)}`;
  const check = (ok: boolean, text: string) => `  ${ok ? "PASS" : "MISS"}  ${text}`;
  return [
    "",
    `=== bench:collect --software ${size.applicationsPerNode}: ${size.accounts} accounts x ${size.regions} regions x ${size.instancesPerRegion} instances/region, machine cores ${os.availableParallelism()}`,
    `${"".padEnd(width)}  ${"software off".padStart(22)}  ${"software on".padStart(22)}`,
    ...rows.map(line),
    "Collector main-thread CPU by stage, first collection (sampled, cpu-stages.ts):",
    ...stages.map(line),
    "",
    "Checks:",
    check(ratio <= TARGET_RATIO, `wall with software on within ${TARGET_RATIO}x of off (${ratio.toFixed(2)}x)`),
    check(
      rerunRatio <= TARGET_RATIO,
      `unchanged re-run: wall with software on within ${TARGET_RATIO}x of off (${rerunRatio.toFixed(2)}x)`,
    ),
    check(on.status === "succeeded" && off.status === "succeeded", `both runs succeeded (${off.status}, ${on.status})`),
    check(
      on.storedInstances === expected.instances && off.storedInstances === expected.instances,
      "instances stored = the world's",
    ),
    check(
      on.storedManagedNodes === expected.managedNodes && on.storedSoftware === expected.software,
      "software on: managed nodes and installed software stored = the world's",
    ),
    check(off.storedManagedNodes === 0 && off.storedSoftware === 0, "software off: nothing from SSM stored"),
    "",
  ].join("\n");
}
