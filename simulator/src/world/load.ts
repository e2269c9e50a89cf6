// Entry points for worlds: presets by name, JSON files by path, and a light validation that
// turns a malformed file into one clear message instead of odd answers later.
import { readFileSync } from "node:fs";
import { buildDemoWorld, type DemoOptions } from "./demo/index";
import { isRegionInPartition, PARTITION_NAMES } from "./partitions";
import { buildScaleWorld, type ScaleOptions } from "./scale";
import type { WorldSpec } from "./types";

export type PresetName = "demo" | "scale";

/** Options any world accepts on top of its own (presets and files alike). */
export interface CommonOptions {
  /** Largest page the simulator returns, whatever MaxResults asks for. */
  pageSize?: number;
  /** Added latency per request (ms), with ±25 % jitter. */
  latencyMs?: number;
}

export type WorldOptions = DemoOptions & ScaleOptions & CommonOptions;
export const PRESETS: PresetName[] = ["demo", "scale"];

export function buildPreset(name: PresetName, options: WorldOptions = {}): WorldSpec {
  if (name === "demo") return withCommonOptions(buildDemoWorld(options), options);
  if (name === "scale") return withCommonOptions(buildScaleWorld(options), options);
  throw new Error(`unknown preset "${name as string}" (known: ${PRESETS.join(", ")})`);
}

function withCommonOptions(world: WorldSpec, o: CommonOptions): WorldSpec {
  if (o.pageSize) world.limits = { ...world.limits, maxPageSize: o.pageSize };
  if (o.latencyMs) {
    const latency = { latencyMs: o.latencyMs, jitterMs: Math.round(o.latencyMs / 4) };
    world.faults = { ...world.faults, rules: [latency, ...(world.faults?.rules ?? [])] };
  }
  return world;
}

/** A preset name, or a path to a world JSON file. */
export function loadWorld(nameOrPath: string, options: WorldOptions = {}): WorldSpec {
  if ((PRESETS as string[]).includes(nameOrPath)) return buildPreset(nameOrPath as PresetName, options);
  const text = readFileSync(nameOrPath, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`world file ${nameOrPath} is not valid JSON: ${(e as Error).message}`);
  }
  return withCommonOptions(validateWorld(parsed, nameOrPath), options);
}

export function validateWorld(value: unknown, source = "world"): WorldSpec {
  const w = value as WorldSpec;
  const fail = (msg: string): never => {
    throw new Error(`${source}: ${msg}`);
  };
  if (!w || typeof w !== "object") fail("must be a JSON object");
  if (w.format !== "cirrus-simulator-world/1") fail(`"format" must be "cirrus-simulator-world/1"`);
  if (!PARTITION_NAMES.includes(w.partition)) fail(`"partition" must be one of ${PARTITION_NAMES.join(", ")}`);
  if (!Array.isArray(w.accounts) || w.accounts.length === 0) fail(`"accounts" must be a non-empty array`);
  const seen = new Set<string>();
  for (const a of w.accounts) {
    if (!/^\d{12}$/.test(a.id)) fail(`account id "${a.id}" must be 12 digits`);
    if (seen.has(a.id)) fail(`account ${a.id} appears twice`);
    seen.add(a.id);
    for (const r of a.regions ?? fail(`account ${a.id} has no "regions"`)) {
      if (!isRegionInPartition(r.name, w.partition))
        fail(`region ${r.name} of account ${a.id} is not in partition ${w.partition}`);
      if (!["opt-in-not-required", "opted-in", "not-opted-in"].includes(r.optIn))
        fail(`region ${r.name} of account ${a.id}: bad optIn "${r.optIn}"`);
    }
  }
  w.iam ??= { users: [], groups: [], roles: [], policies: [] };
  for (const key of ["users", "groups", "roles", "policies"] as const) w.iam[key] ??= [];
  w.aggregators ??= [];
  w.seed ??= 1;
  return w;
}
