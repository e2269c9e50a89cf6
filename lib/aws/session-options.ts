// Tunables of one AwsSession. Every call is bounded: connection and request timeouts on the
// shared handler, and a bounded number of SDK attempts.
export type AwsSessionOptions = {
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  /** "adaptive" adds client-side rate limiting once throttled; clients are per account+region. */
  retryMode?: "standard" | "adaptive";
  /** Role sessions: 1 hour, the most a chained role session may last. */
  roleSessionDurationSeconds?: number;
  /** Renew temporary credentials this long before they expire. */
  refreshBeforeMs?: number;
  maxSockets?: number;
  now?: () => number;
  /** Called once for every SDK client the session creates (e.g. to count requests and throttles). */
  onClientCreated?: (client: object) => void;
};

export type ResolvedSessionOptions = Required<Omit<AwsSessionOptions, "now" | "onClientCreated">> & {
  now: () => number;
  onClientCreated?: (client: object) => void;
};

export function resolveSessionOptions(options: AwsSessionOptions = {}): ResolvedSessionOptions {
  return {
    connectionTimeoutMs: options.connectionTimeoutMs ?? 5_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    maxAttempts: options.maxAttempts ?? 3,
    retryMode: options.retryMode ?? "adaptive",
    roleSessionDurationSeconds: Math.min(options.roleSessionDurationSeconds ?? 3600, 3600),
    refreshBeforeMs: options.refreshBeforeMs ?? 5 * 60_000,
    maxSockets: options.maxSockets ?? 50,
    now: options.now ?? Date.now,
    onClientCreated: options.onClientCreated,
  };
}
