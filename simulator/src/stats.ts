// Request counters for GET /_sim/stats: per API, throttled, errored, and the peak number of
// AWS API requests in flight at once (what a collector's concurrency cap should bound).

export type Outcome = "ok" | "throttled" | "error";

interface ApiCounters {
  requests: number;
  throttled: number;
  errors: number;
}

export class Stats {
  private total = 0;
  private throttled = 0;
  private errored = 0;
  private inFlight = 0;
  private peak = 0;
  private since = new Date();
  private byApi = new Map<string, ApiCounters>();

  /** A request arrived; it is in flight until its response is finished or its socket closes. */
  enter(): void {
    this.inFlight++;
    if (this.inFlight > this.peak) this.peak = this.inFlight;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  record(api: string, outcome: Outcome): void {
    this.total++;
    const c = this.byApi.get(api) ?? { requests: 0, throttled: 0, errors: 0 };
    this.byApi.set(api, c);
    c.requests++;
    if (outcome === "throttled") {
      this.throttled++;
      c.throttled++;
    } else if (outcome === "error") {
      this.errored++;
      c.errors++;
    }
  }

  reset(): void {
    this.total = this.throttled = this.errored = 0;
    this.peak = this.inFlight;
    this.since = new Date();
    this.byApi.clear();
  }

  snapshot() {
    const apis = [...this.byApi.entries()].sort(([a], [b]) => a.localeCompare(b));
    return {
      since: this.since.toISOString(),
      total: this.total,
      throttled: this.throttled,
      errored: this.errored,
      peakConcurrency: this.peak,
      inFlight: this.inFlight,
      requests: Object.fromEntries(apis.map(([k, v]) => [k, v.requests])),
      byApi: Object.fromEntries(apis),
    };
  }
}
