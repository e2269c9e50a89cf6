import type { AwsSession } from "@/lib/aws/session";
import type { ImageCache } from "../ec2-instance/image-cache";
import type { InstanceTypeCache } from "../ec2-instance/instance-types";
import type { SsmFleetCache } from "./ssm-fleet";

/** One account + region read through the Direct adapter. */
export type ScopeFetchContext = {
  session: AwsSession;
  accountId: string;
  region: string;
  signal?: AbortSignal;
  /** Items per page asked of every paginated API, clamped to what each accepts. */
  pageSize?: number;
  /** AMI details shared by every scope of a run (per account + region inside). */
  images: ImageCache;
  /** Instance types' CPU defaults shared by every scope of a run (per region); one per scope otherwise. */
  instanceTypes?: InstanceTypeCache;
  /** SSM reads shared by the managed-node and installed-software scopes of an account + region. */
  ssm?: SsmFleetCache;
};

/** The organization's (or account's) AWS Config aggregator. */
export type ConfigFetchContext = {
  session: AwsSession;
  aggregatorName: string;
  aggregatorRegion: string;
  /** The account holding the aggregator: the caller's own, or a target reached by its role. */
  aggregatorAccountId: string;
  signal?: AbortSignal;
  /** Results per page, 1-100 (Config's default is 25, which only adds requests). */
  limit?: number;
};

// Each API's accepted page sizes (AWS-REFERENCE.md). The largest page is the default: fewest
// requests, and MaxResults also moves DescribeInstances into EC2's larger throttling bucket.
export const PAGE_LIMITS = {
  describeInstances: { min: 5, max: 1000 },
  describeHosts: { min: 5, max: 500 },
  describeDBInstances: { min: 20, max: 100 },
  selectAggregateResourceConfig: { min: 1, max: 100 },
  describeInstanceInformation: { min: 5, max: 50 },
  getInventory: { min: 1, max: 50 },
} as const;

export function pageSizeFor(api: keyof typeof PAGE_LIMITS, requested: number | undefined): number {
  const { min, max } = PAGE_LIMITS[api];
  if (requested === undefined || !Number.isFinite(requested)) return max;
  return Math.min(max, Math.max(min, Math.floor(requested)));
}

/** HTTP attempts behind one SDK call, the SDK's own retries included. */
export function attemptsOf(output: { $metadata?: { attempts?: number } } | undefined): number {
  return output?.$metadata?.attempts ?? 1;
}

/** The options every SDK call gets, so a cancelled run stops in flight. */
export function sendOptions(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  signal?.throwIfAborted();
  return signal ? { abortSignal: signal } : {};
}
