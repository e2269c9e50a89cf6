// Public surface of the simulator for tests and tools: start it in-process, build or load
// worlds, compute MFA codes, and the partition table.
import { startServer, type RunningSimulator } from "./server";
import { loadWorld, type WorldOptions } from "./world/load";
import type { WorldSpec } from "./world/types";

export interface StartSimulatorOptions {
  /** A world spec, a preset name ("demo", "scale") or a path to a world JSON file. */
  world: WorldSpec | string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Options for presets given by name. */
  presetOptions?: WorldOptions;
}

export async function startSimulator(options: StartSimulatorOptions): Promise<RunningSimulator> {
  const world = typeof options.world === "string" ? loadWorld(options.world, options.presetOptions) : options.world;
  return startServer({ world, port: options.port ?? 0, host: options.host });
}

export type { RunningSimulator } from "./server";
export type { SimulatorControl } from "./control/control";
export type { MutateOp } from "./control/mutate";
export type { FaultsSpec, FaultRule, FaultSelector, ThrottleSpec } from "./faults/types";
export { totp } from "./auth/totp";
export { buildPreset, loadWorld, validateWorld, PRESETS, type PresetName, type WorldOptions } from "./world/load";
export { World } from "./world/world";
export { PARTITIONS, PARTITION_REGIONS, PARTITION_NAMES, partitionOfRegion, defaultOptIn } from "./world/partitions";
export {
  DEMO_MANAGEMENT,
  DEMO_MEMBERS,
  DEMO_NAMES,
  DEMO_REGIONS,
  DEMO_RDS_DENIED,
  DEMO_SOFTWARE_CELLS,
  DEMO_SSM_INVENTORY_DENIED,
  DEMO_WITHOUT_CPU_OPTIONS,
} from "./world/demo/layout";
export { catalogInstanceTypeSpecs } from "./world/catalog/instance-types";
export { DEFAULT_DEMO_SEED } from "./world/demo/index";
export { DEFAULT_SCALE_SEED } from "./world/scale";
export { externalIdOf, credentialsFile } from "./control/credentials-out";
export { hostView } from "./world/host-view";
export type * from "./world/types";
