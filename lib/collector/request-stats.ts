const THROTTLE_CODES = new Set([
  "RequestLimitExceeded",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "SlowDown",
]);

export type RequestStats = { requests: number; throttles: number };

type MiddlewareClient = {
  middlewareStack: {
    add: (
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { step: "deserialize"; name: string; priority: "high" },
    ) => void;
  };
};

const instrumented = new WeakSet<object>();

// Counts every HTTP attempt and every throttled answer, including the SDK's own retries: the
// deserialize step runs once per attempt, inside the retry loop.
export function countRequests<C>(client: C, stats: RequestStats): C {
  if (instrumented.has(client as object)) return client;
  instrumented.add(client as object);
  (client as unknown as MiddlewareClient).middlewareStack.add(
    (next) => async (args) => {
      stats.requests++;
      try {
        return await next(args);
      } catch (error) {
        const code = (error as { name?: string; $metadata?: { httpStatusCode?: number } }).name ?? "";
        if (
          THROTTLE_CODES.has(code) ||
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 429
        )
          stats.throttles++;
        throw error;
      }
    },
    // High priority in the deserialize step: outside the deserializer (so its parsed AWS error
    // passes through here) yet inside the retry loop of the finalizeRequest step.
    { step: "deserialize", name: "cirrusRequestCounter", priority: "high" },
  );
  return client;
}
