import type { ScopeFetchContext } from "../../resources/collect/fetch-context";
import { COLLECTORS, collector } from "../../resources/collectors";
import type { FetchedPage, ResourceType } from "../../resources/rows";

/**
 * Streams one account x region x resource type through the Direct adapter, page by page.
 * AWS errors propagate unchanged (classify them with classifyAwsError and the type's
 * RESOURCES[type].aws.read; retry when isRetryable): a scope is only complete once the
 * generator has finished.
 */
export function fetchScope<T extends ResourceType>(
  ctx: ScopeFetchContext,
  resourceType: T,
): AsyncGenerator<FetchedPage<T>> {
  if (!Object.hasOwn(COLLECTORS, resourceType)) throw new Error(`Unknown resource type: ${resourceType}`);
  return collector(resourceType).fetch(ctx);
}
