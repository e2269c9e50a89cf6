import { ImageCache } from "../resources/ec2-instance/image-cache";
import { InstanceTypeCache } from "../resources/ec2-instance/instance-types";
import { attemptsOf } from "../resources/collect/fetch-context";
import { collector } from "../resources/collectors";
import { RESOURCES } from "../resources/registry";
import { RESOURCE_TYPES, type ResourceType, type RowOf } from "../resources/rows";
import { CONFIG_TYPES, fetchConfigType } from "./fetch";
import { commitScope, failScope, skipScope, type ExecutionContext } from "./execution-context";
import { toErrorInfo, type PlannedScope } from "./plan";
import { scopeKey } from "./runs/scope-records";
import { scopeDeadline } from "./scope-deadline";

type Aggregator = { name: string; region: string };

// The run note of a Config connection: the types of this run it still reads from the service
// directly (the SSM types only when the connection collects software).
export function directTypesNote(planned: ReadonlySet<ResourceType>): string | null {
  const direct = RESOURCE_TYPES.filter((type) => planned.has(type) && !CONFIG_TYPES.includes(type)).map((type) => {
    const { labels, aws } = RESOURCES[type];
    return `${labels.title} were read from ${aws.read.split(":")[0].toUpperCase()} directly`;
  });
  return direct.length ? `${direct.join("; ")}: AWS Config does not record them.` : null;
}

// AWS Config aggregator adapter: one paged advanced query per resource type in the aggregator
// account, grouped into the planned account x region scopes. Only a query read to its end
// commits anything; a failed query fails (and marks stale) every scope of its type.
export async function executeConfigTypes(
  ctx: ExecutionContext,
  scopes: PlannedScope[],
  aggregator: Aggregator,
  scopeDeadlineMs: number,
): Promise<void> {
  const aggregatorAccountId = (await ctx.session.callerIdentity()).accountId;
  await Promise.all(
    CONFIG_TYPES.map((resourceType) =>
      executeConfigType(
        ctx,
        resourceType,
        scopes.filter((scope) => scope.resourceType === resourceType),
        { ...aggregator, accountId: aggregatorAccountId },
        scopeDeadlineMs,
      ),
    ),
  );
}

export async function executeConfigType<T extends ResourceType>(
  ctx: ExecutionContext,
  resourceType: T,
  typeScopes: PlannedScope[],
  aggregator: Aggregator & { accountId: string },
  scopeDeadlineMs: number,
): Promise<unknown> {
  if (typeScopes.length === 0) return;
  const startedAt = new Date();
  if (ctx.runSignal.aborted) return Promise.all(typeScopes.map((scope) => skipScope(ctx, scope, startedAt)));
  const groups = new Map(typeScopes.map((scope) => [scopeKey(scope), [] as RowOf<T>[]]));
  const { signal, clear } = scopeDeadline(ctx.runSignal, scopeDeadlineMs);
  let requests = 0;
  let pages = 0;
  try {
    const context = {
      session: ctx.session,
      aggregatorName: aggregator.name,
      aggregatorRegion: aggregator.region,
      aggregatorAccountId: aggregator.accountId,
      signal,
    };
    for await (const page of fetchConfigType(context, resourceType)) {
      pages++;
      requests += page.requests;
      // Resources in accounts or regions this connection does not plan are not ours to store.
      for (const item of page.rows) groups.get(scopeKey({ ...item, resourceType }))?.push(item.row);
    }
  } catch (error) {
    clear();
    if (ctx.runSignal.aborted) return Promise.all(typeScopes.map((scope) => skipScope(ctx, scope, startedAt)));
    const info = toErrorInfo(error, ctx.session, "config:SelectAggregateResourceConfig");
    // Like a committed query, each scope of the type records the query's requests, the failed call's too.
    const cost = { requests: requests + attemptsOf(error as { $metadata?: { attempts?: number } }), reads: 1 };
    for (const scope of typeScopes) await failScope(ctx, scope, info, startedAt, cost);
    return;
  }
  const complete = collector(resourceType).completeConfigRows;
  const images = new ImageCache();
  const instanceTypes = new InstanceTypeCache();
  for (const scope of typeScopes) {
    let rows = groups.get(scopeKey(scope)) ?? [];
    // What Config items lack, looked up in the resources' own account and region as Direct does.
    if (complete)
      rows = await complete(
        { session: ctx.session, accountId: scope.accountId, region: scope.region, signal, images, instanceTypes },
        rows,
      );
    await commitScope(ctx, { ...scope, resourceType }, rows, { pages, requests, startedAt });
  }
  clear();
}
