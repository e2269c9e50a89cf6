// Fault injection settings: part of the world file and replaceable at runtime through
// POST /_sim/faults. Every rule targets a selector; omitted selector fields match anything.

export interface FaultSelector {
  /** `service:Action`, e.g. `ec2:DescribeInstances`; a trailing `*` matches a prefix (`ec2:*`). */
  api?: string;
  /** The calling credential's account. */
  account?: string;
  /** The region in the request's SigV4 credential scope. */
  region?: string;
  /** sts:AssumeRole only: the account of the role being assumed (one unreachable member account). */
  targetAccount?: string;
}

export interface FaultRule {
  selector?: FaultSelector;
  /** Added delay before answering, in ms. */
  latencyMs?: number;
  /** The delay varies uniformly by ± this many ms. */
  jitterMs?: number;
  /** Probability (0-1) of answering with the service's throttling error. */
  throttleRate?: number;
  /** Probability (0-1) of answering with a 5xx error. */
  errorRate?: number;
  /** Code for errorRate answers: ServiceUnavailable (503, default) or InternalError (500). */
  errorCode?: "ServiceUnavailable" | "InternalError";
  /** Never answer (the client must time out). */
  hang?: boolean;
  /** Hold the request this long, then answer normally. */
  hangMs?: number;
  /** Answer every matching request with this error (default ServiceUnavailable / 503). */
  fail?: { code?: string; status?: number; message?: string };
}

export interface ThrottleBucketSpec {
  selector?: FaultSelector;
  burst: number;
  refillPerSecond: number;
}

export interface ThrottleSpec {
  /** Token buckets per account + region + API; on unless set to false. */
  enabled?: boolean;
  /** Bucket size and refill for describe/list/get calls (EC2 defaults: 100 and 20/s). */
  burst?: number;
  refillPerSecond?: number;
  /** Unfiltered, unpaginated DescribeInstances has a smaller bucket (EC2: 50 and 10/s). */
  unpaginatedBurst?: number;
  unpaginatedRefillPerSecond?: number;
  /** Per-selector bucket sizes; the first matching one wins. */
  overrides?: ThrottleBucketSpec[];
}

export interface FaultsSpec {
  /** Seed of the fault PRNG (random throttling / 5xx / jitter). */
  seed?: number;
  rules?: FaultRule[];
  throttle?: ThrottleSpec;
}
