import { CONFIG_RESOURCE_TYPES, fetchConfigType, fillImageDetails, fillInstanceTypeFacts, ImageCache, InstanceTypeCache, type ConfigResourceType } from "./fetch";
import { commitScope, failScope, skipScope, type ExecutionContext } from "./execution-context";
import { toErrorInfo, type PlannedScope } from "./plan";
import type { InstanceRow, RowOf } from "../resources/rows";
import { scopeKey } from "./runs/scope-records";

export const CONFIG_TYPES = Object.keys(CONFIG_RESOURCE_TYPES) as ConfigResourceType[];

type Aggregator = { name: string; region: string };

// AWS Config aggregator adapter: one paged advanced query per resource type in the aggregator
// account, grouped into the planned account x region scopes. Only a query read to its end
// commits anything; a failed query fails (and marks stale) every scope of its type.
export async function executeConfigTypes(ctx: ExecutionContext, scopes: PlannedScope[], aggregator: Aggregator, scopeDeadlineMs: number): Promise<void> {
  const aggregatorAccountId = (await ctx.session.callerIdentity()).accountId;
  await Promise.all(
    CONFIG_TYPES.map(async (resourceType) => {
      const typeScopes = scopes.filter((scope) => scope.resourceType === resourceType);
      if (typeScopes.length === 0) return;
      const startedAt = new Date();
      if (ctx.runSignal.aborted) return Promise.all(typeScopes.map((scope) => skipScope(ctx, scope, startedAt)));
      const groups = new Map(typeScopes.map((scope) => [scopeKey(scope), [] as RowOf<typeof resourceType>[]]));
      const signal = AbortSignal.any([ctx.runSignal, AbortSignal.timeout(scopeDeadlineMs)]);
      let requests = 0;
      let pages = 0;
      try {
        const context = { session: ctx.session, aggregatorName: aggregator.name, aggregatorRegion: aggregator.region, aggregatorAccountId, signal };
        for await (const page of fetchConfigType(context, resourceType)) {
          pages++;
          requests += page.requests;
          // Resources in accounts or regions this connection does not plan are not ours to store.
          for (const item of page.rows) groups.get(scopeKey({ ...item, resourceType }))?.push(item.row);
        }
      } catch (error) {
        if (ctx.runSignal.aborted) return Promise.all(typeScopes.map((scope) => skipScope(ctx, scope, startedAt)));
        const info = toErrorInfo(error, ctx.session, "config:SelectAggregateResourceConfig");
        for (const scope of typeScopes) await failScope(ctx, scope, info, startedAt);
        return;
      }
      const images = new ImageCache();
      const instanceTypes = new InstanceTypeCache();
      for (const scope of typeScopes) {
        let rows = groups.get(scopeKey(scope)) ?? [];
        // Config has no AMI names: look them up in the instance's own account, as Direct does.
        // A denied or failed lookup leaves them empty rather than failing the scope.
        if (resourceType === "ec2-instance" && rows.length) {
          const lookup = { session: ctx.session, accountId: scope.accountId, region: scope.region, signal, images };
          rows = await fillImageDetails(lookup, rows as InstanceRow[]).then((filled) => filled.rows as typeof rows, () => rows);
          // Items without cpuOptions: the type's defaults from DescribeInstanceTypes (else built-in).
          rows = await fillInstanceTypeFacts(lookup, instanceTypes, rows as InstanceRow[]).then((filled) => filled.rows as typeof rows, () => rows);
        }
        await commitScope(ctx, scope as PlannedScope & { resourceType: typeof resourceType }, rows, { pages, requests, startedAt });
      }
    }),
  );
}
