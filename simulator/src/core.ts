// Everything one running simulator shares across requests.
import { CredentialStore } from "./auth/credentials";
import { Clock } from "./clock";
import { FaultEngine } from "./faults/faults";
import { Imds } from "./services/imds";
import { Stats } from "./stats";
import type { WorldSpec } from "./world/types";
import { World } from "./world/world";

export interface Core {
  world: World;
  clock: Clock;
  credentials: CredentialStore;
  faults: FaultEngine;
  stats: Stats;
  imds: Imds;
}

export function createCore(spec: WorldSpec): Core {
  const world = new World(spec);
  const clock = new Clock();
  const credentials = new CredentialStore(world, clock);
  return {
    world,
    clock,
    credentials,
    faults: new FaultEngine(world.spec.faults ?? {}),
    stats: new Stats(),
    imds: new Imds(world, credentials, clock),
  };
}
