// The control surface shared by the HTTP control API and the programmatic `control` object.
import { totp } from "../auth/totp";
import type { Core } from "../core";
import type { FaultsSpec } from "../faults/types";
import { credentialsFile } from "./credentials-out";
import { mutate, type MutateOp } from "./mutate";
import { summarize } from "./summary";

export function createControl(core: Core, endpoint: () => string) {
  return {
    summary: () => summarize(core.world),
    stats: () => core.stats.snapshot(),
    resetStats: () => core.stats.reset(),
    /** Moves the simulator's clock forward (sessions expire, MFA codes change). */
    advanceClock: (seconds: number) => {
      core.clock.advance(seconds);
      return { offsetSeconds: core.clock.offsetSeconds, now: new Date(core.clock.now()).toISOString() };
    },
    clock: () => ({ offsetSeconds: core.clock.offsetSeconds, now: new Date(core.clock.now()).toISOString() }),
    faults: () => core.faults.current,
    setFaults: (f: FaultsSpec) => {
      core.faults.set(f);
      return core.faults.current;
    },
    clearFaults: () => {
      core.faults.clear();
      return core.faults.current;
    },
    mutate: (op: MutateOp) => mutate(core.world, core.clock, op),
    /** A valid code right now (simulator clock) for an MFA device of the world. */
    mfaCode: (serial: string): string | undefined => {
      const device = core.world.mfaDevice(serial);
      return device ? totp(device.device.secretBase32, core.clock.now()) : undefined;
    },
    credentials: () => credentialsFile(core.world, endpoint()),
  };
}

export type SimulatorControl = ReturnType<typeof createControl>;
