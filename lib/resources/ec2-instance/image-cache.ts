import type { ImageDetails } from "./map";

// AMI details looked up during a run, per account + region: an AMI's visibility (owned, shared,
// public) depends on the account, and image IDs are regional. Memory stays bounded by the
// number of distinct AMIs, far fewer than instances. null records an AMI that DescribeImages
// no longer shows (deregistered, unshared), so it is not asked for again.
export class ImageCache {
  private readonly scopes = new Map<string, Map<string, ImageDetails | null>>();

  get(accountId: string, region: string, imageId: string): ImageDetails | null | undefined {
    return this.scopes.get(key(accountId, region))?.get(imageId);
  }

  set(accountId: string, region: string, imageId: string, details: ImageDetails | null): void {
    const k = key(accountId, region);
    let scope = this.scopes.get(k);
    if (!scope) this.scopes.set(k, (scope = new Map()));
    scope.set(imageId, details);
  }

  /** The distinct IDs among `imageIds` not looked up yet in this account + region. */
  missing(accountId: string, region: string, imageIds: Iterable<string>): string[] {
    const scope = this.scopes.get(key(accountId, region));
    return [...new Set(imageIds)].filter((id) => !scope?.has(id));
  }

  /** AMIs known across all scopes (for progress and tests). */
  get size(): number {
    let n = 0;
    for (const scope of this.scopes.values()) n += scope.size;
    return n;
  }
}

const key = (accountId: string, region: string) => `${accountId}|${region}`;
