// Decides, per request, which injected faults apply: hangs, latency, forced failures, random
// 5xx / throttling (seeded) and the token-bucket throttle.
import { Prng } from "../world/prng";
import { TokenBuckets } from "./throttle";
import type { FaultRule, FaultSelector, FaultsSpec, ThrottleSpec } from "./types";

export interface CallInfo {
  api: string;
  account: string;
  region: string;
  /** sts:AssumeRole: the account of the role being assumed. */
  targetAccount?: string;
  /** Unfiltered, unpaginated DescribeInstances uses AWS's smaller bucket. */
  unpaginated?: boolean;
}

export type FaultOutcome =
  { kind: "none" } | { kind: "throttle" } | { kind: "error"; code: string; status: number; message: string };

export interface FaultPlan {
  hang?: "forever" | number;
  delayMs: number;
  outcome: FaultOutcome;
}

export const DEFAULT_THROTTLE: Required<Omit<ThrottleSpec, "overrides">> = {
  enabled: true,
  burst: 100,
  refillPerSecond: 20,
  unpaginatedBurst: 50,
  unpaginatedRefillPerSecond: 10,
};
const DEFAULT_SEED = 1;

export function selectorMatches(sel: FaultSelector | undefined, call: CallInfo): boolean {
  if (!sel) return true;
  if (sel.account && sel.account !== call.account) return false;
  if (sel.region && sel.region !== call.region) return false;
  if (sel.targetAccount && sel.targetAccount !== call.targetAccount) return false;
  if (sel.api) {
    const api = sel.api.toLowerCase();
    const target = call.api.toLowerCase();
    if (api.endsWith("*") ? !target.startsWith(api.slice(0, -1)) : api !== target) return false;
  }
  return true;
}

export class FaultEngine {
  private spec: FaultsSpec = {};
  private rng = new Prng(DEFAULT_SEED);
  private readonly buckets = new TokenBuckets();

  constructor(initial: FaultsSpec = {}) {
    this.set(initial);
  }

  get current(): FaultsSpec {
    return { ...this.spec, throttle: { ...DEFAULT_THROTTLE, ...this.spec.throttle } };
  }

  /** Replaces the keys given (rules, throttle, seed); keys left out keep their value. */
  set(update: FaultsSpec): void {
    this.spec = { ...this.spec, ...update };
    if (update.seed !== undefined || update.rules !== undefined) this.rng = new Prng(this.spec.seed ?? DEFAULT_SEED);
    if (update.throttle !== undefined) this.buckets.clear();
  }

  /** No rules and default throttling (DELETE /_sim/faults). */
  clear(): void {
    this.spec = {};
    this.rng = new Prng(DEFAULT_SEED);
    this.buckets.clear();
  }

  plan(call: CallInfo, now: number): FaultPlan {
    const rules = this.spec.rules ?? [];
    const first = <K extends keyof FaultRule>(key: K) =>
      rules.find((r) => r[key] !== undefined && selectorMatches(r.selector, call));
    const plan: FaultPlan = { delayMs: 0, outcome: { kind: "none" } };
    const hang = rules.find((r) => (r.hang || r.hangMs !== undefined) && selectorMatches(r.selector, call));
    if (hang) plan.hang = hang.hang ? "forever" : hang.hangMs;
    const latency = first("latencyMs");
    if (latency) plan.delayMs = Math.max(0, latency.latencyMs! + (this.rng.next() * 2 - 1) * (latency.jitterMs ?? 0));
    plan.outcome = this.outcome(call, now, first);
    return plan;
  }

  private outcome(
    call: CallInfo,
    now: number,
    first: <K extends keyof FaultRule>(key: K) => FaultRule | undefined,
  ): FaultOutcome {
    const fail = first("fail");
    if (fail)
      return {
        kind: "error",
        code: fail.fail!.code ?? "ServiceUnavailable",
        status: fail.fail!.status ?? 503,
        message: fail.fail!.message ?? "Service is unavailable. Try again later.",
      };
    const err = first("errorRate");
    if (err && this.rng.next() < err.errorRate!) {
      const internal = err.errorCode === "InternalError";
      return {
        kind: "error",
        code: internal ? "InternalError" : "ServiceUnavailable",
        status: internal ? 500 : 503,
        message: internal ? "An internal error has occurred" : "Service is unavailable. Try again later.",
      };
    }
    const rate = first("throttleRate");
    if (rate && this.rng.next() < rate.throttleRate!) return { kind: "throttle" };
    return this.bucket(call, now) ? { kind: "none" } : { kind: "throttle" };
  }

  private bucket(call: CallInfo, now: number): boolean {
    const t = { ...DEFAULT_THROTTLE, ...this.spec.throttle };
    if (t.enabled === false) return true;
    const override = (this.spec.throttle?.overrides ?? []).find((o) => selectorMatches(o.selector, call));
    const [burst, refill] = override
      ? [override.burst, override.refillPerSecond]
      : call.unpaginated
        ? [t.unpaginatedBurst, t.unpaginatedRefillPerSecond]
        : [t.burst, t.refillPerSecond];
    const key = `${call.account}|${call.region}|${call.api}${call.unpaginated && !override ? "#unpaginated" : ""}`;
    return this.buckets.take(key, burst, refill, now);
  }
}
