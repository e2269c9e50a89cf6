// EC2-style token buckets, one per account + region + API (AWS-REFERENCE §4). A request takes
// one token; tokens refill continuously up to the bucket size.

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  /** True when a token was available (the request may proceed). */
  take(key: string, burst: number, refillPerSecond: number, now: number): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: burst, updatedAt: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(burst, b.tokens + ((now - b.updatedAt) / 1000) * refillPerSecond);
    b.updatedAt = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  clear(): void {
    this.buckets.clear();
  }
}
