import { isRetryable, type AwsSession } from "../aws";
import { attemptsOf } from "../resources/collect/fetch-context";
import type { SsmFleetCache } from "../resources/collect/ssm-fleet";
import type { ImageCache } from "../resources/ec2-instance/image-cache";
import type { InstanceTypeCache } from "../resources/ec2-instance/instance-types";
import { fetchScope } from "./fetch";
import type { ResourceType, RowOf } from "../resources/rows";

export type ScopeFetch<T extends ResourceType> = { rows: RowOf<T>[]; pages: number; requests: number };

// What reading one scope cost, kept up to date while it goes, so that a scope that fails still
// reports its requests (every HTTP attempt: pages, the SDK's retries, the failed calls) and how
// many times it was read.
export type ScopeTally = { requests: number; reads: number };

const MAX_SCOPE_ATTEMPTS = 3;

// Reads one scope completely, page by page, or throws. The SDK already retries each call
// (throttling, 5xx, network) with backoff; if a scope still fails with a retryable error, it is
// read again from the start, at most MAX_SCOPE_ATTEMPTS times with growing, jittered pauses.
// Denials and credential errors are never retried. The scope's deadline aborts everything.
export async function fetchWholeScope<T extends ResourceType>(
  session: AwsSession,
  scope: { accountId: string; region: string; resourceType: T },
  options: {
    signal: AbortSignal;
    images: ImageCache;
    instanceTypes?: InstanceTypeCache;
    ssm?: SsmFleetCache;
    pageSize?: number;
    tally?: ScopeTally;
  },
): Promise<ScopeFetch<T>> {
  const tally = options.tally ?? { requests: 0, reads: 0 };
  for (let attempt = 1; ; attempt++) {
    tally.reads++;
    try {
      const result: ScopeFetch<T> = { rows: [], pages: 0, requests: 0 };
      const context = {
        session,
        accountId: scope.accountId,
        region: scope.region,
        signal: options.signal,
        images: options.images,
        instanceTypes: options.instanceTypes,
        ssm: options.ssm,
        pageSize: options.pageSize,
      };
      for await (const page of fetchScope(context, scope.resourceType)) {
        result.rows.push(...(page.rows as RowOf<T>[]));
        result.pages++;
        result.requests += page.requests;
        tally.requests += page.requests;
      }
      return result;
    } catch (error) {
      // The call that failed was sent too (the SDK records its attempts on the error), unless the
      // run or the scope's deadline stopped it before it left.
      tally.requests += failedAttempts(error, options.signal);
      if (options.signal.aborted || attempt >= MAX_SCOPE_ATTEMPTS || !isRetryable(error)) throw error;
      await pause(Math.min(20_000, 1000 * 2 ** attempt) * (0.5 + Math.random()), options.signal);
    }
  }
}

// HTTP attempts behind a failed SDK call, the SDK's retries included. An error without the SDK's
// metadata is a request that got no answer (one sent), or one a cancel stopped before it left.
function failedAttempts(error: unknown, signal: AbortSignal): number {
  const metadata = (error as { $metadata?: { attempts?: number } } | undefined)?.$metadata;
  if (!metadata && signal.aborted) return 0;
  return attemptsOf({ $metadata: metadata });
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}
