import type { FetchedPage, ResourceType } from "../../resources/rows";
import type { ScopeFetchContext } from "./context";
import { fetchHosts, fetchInstances, fetchReservedInstances } from "./ec2";
import { fetchDbInstances } from "./rds";

const FETCHERS: { [T in ResourceType]: (ctx: ScopeFetchContext) => AsyncGenerator<FetchedPage<T>> } = {
  "ec2-instance": fetchInstances,
  "dedicated-host": fetchHosts,
  "reserved-instance": fetchReservedInstances,
  "rds-db-instance": fetchDbInstances,
};

/**
 * Streams one account x region x resource type through the Direct adapter, page by page.
 * AWS errors propagate unchanged (classify them with classifyAwsError; retry when isRetryable):
 * a scope is only complete once the generator has finished.
 */
export function fetchScope<T extends ResourceType>(ctx: ScopeFetchContext, resourceType: T): AsyncGenerator<FetchedPage<T>> {
  const fetcher = FETCHERS[resourceType] as (ctx: ScopeFetchContext) => AsyncGenerator<FetchedPage<T>>;
  if (!fetcher) throw new Error(`Unknown resource type: ${resourceType}`);
  return fetcher(ctx);
}

/** The IAM action behind each resource type, for classifyAwsError's context. */
export const FETCH_ACTIONS: { [T in ResourceType]: string } = {
  "ec2-instance": "ec2:DescribeInstances",
  "dedicated-host": "ec2:DescribeHosts",
  "reserved-instance": "ec2:DescribeReservedInstances",
  "rds-db-instance": "rds:DescribeDBInstances",
};
