// AWS Config (awsJson1_1): DescribeConfigurationAggregators and SelectAggregateResourceConfig.
import { ApiError } from "../../protocols/errors";
import type { AggregatorSpec } from "../../world/types";
import type { CallContext, ServiceModule } from "../context";
import { decodeToken, fingerprint, pageOf } from "../paging";
import { matches, pinnedResourceTypes, project } from "./query-eval";
import { parseQuery } from "./query-parser";
import { CONFIG_TYPES, type ConfigRecord, configRecords } from "./resources";

const epoch = (iso: string) => Date.parse(iso) / 1000;

function aggregatorsHere(ctx: CallContext): AggregatorSpec[] {
  // Aggregators are regional resources of one account.
  return ctx.world.spec.aggregators.filter((a) => a.account === ctx.session.accountId && a.region === ctx.region);
}

function aggregatorJson(a: AggregatorSpec) {
  const regions = a.allAwsRegions ? { AllAwsRegions: true } : { AllAwsRegions: false, AwsRegions: a.regions ?? [] };
  return {
    ConfigurationAggregatorName: a.name,
    ConfigurationAggregatorArn: a.arn,
    ...("organization" in a.source
      ? { OrganizationAggregationSource: { RoleArn: a.source.roleArn, ...regions } }
      : { AccountAggregationSources: [{ AccountIds: a.source.accountIds, ...regions }] }),
    CreationTime: epoch(a.creationTime),
    LastUpdatedTime: epoch(a.creationTime),
  };
}

function describeConfigurationAggregators(ctx: CallContext) {
  ctx.authorize("config:DescribeConfigurationAggregators", "*");
  const names = ctx.input.ConfigurationAggregatorNames as string[] | undefined;
  let items = aggregatorsHere(ctx);
  if (names?.length) {
    const missing = names.filter((n) => !items.some((a) => a.name === n));
    if (missing.length)
      throw new ApiError(
        "NoSuchConfigurationAggregatorException",
        "The configuration aggregator does not exist. Check the configuration aggregator name and try again.",
        400,
      );
    items = items.filter((a) => names.includes(a.name));
  }
  const limit = ctx.input.Limit as number | undefined;
  if (limit !== undefined && (limit < 0 || limit > 10))
    throw new ApiError("InvalidLimitException", "The Limit must be between 0 and 10.", 400);
  const fp = fingerprint("aggregators", names);
  const offset = decodeToken(ctx.input.NextToken as string | undefined, fp);
  if (offset === undefined)
    throw new ApiError("InvalidNextTokenException", "The specified next token is invalid.", 400);
  const page = pageOf(items, offset, limit || 10, fp);
  return {
    ConfigurationAggregators: page.items.map(aggregatorJson),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

/** Recent query results per world, so later pages of one query see the same list. */
const resultCaches = new WeakMap<object, Map<string, ConfigRecord[]>>();

function cacheFor(ctx: CallContext): Map<string, ConfigRecord[]> {
  let cache = resultCaches.get(ctx.world);
  if (!cache) resultCaches.set(ctx.world, (cache = new Map()));
  return cache;
}

function aggregateRecords(ctx: CallContext, a: AggregatorSpec, types: readonly string[]): ConfigRecord[] {
  const accountIds =
    "organization" in a.source
      ? ctx.world.spec.accounts.filter((x) => x.parentId).map((x) => x.id)
      : a.source.accountIds;
  const out: ConfigRecord[] = [];
  for (const id of accountIds) {
    for (const r of ctx.world.regionsOf(id)) {
      if (r.optIn === "not-opted-in" || (!a.allAwsRegions && !(a.regions ?? []).includes(r.name))) continue;
      for (const t of types) out.push(...configRecords(ctx.world, id, r.name, t));
    }
  }
  return out;
}

function selectAggregateResourceConfig(ctx: CallContext) {
  const name = ctx.input.ConfigurationAggregatorName;
  const expression = ctx.input.Expression;
  if (typeof expression !== "string" || expression.length === 0 || expression.length > 4096)
    throw new ApiError(
      "ValidationException",
      "1 validation error detected: Value at 'expression' failed to satisfy constraint: Member must have length between 1 and 4096",
      400,
    );
  const a = aggregatorsHere(ctx).find((x) => x.name === name);
  if (!a)
    throw new ApiError(
      "NoSuchConfigurationAggregatorException",
      "The configuration aggregator does not exist. Check the configuration aggregator name and try again.",
      400,
    );
  ctx.authorize("config:SelectAggregateResourceConfig", a.arn);
  const limit = (ctx.input.Limit ?? ctx.input.MaxResults) as number | undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0 || limit > 100))
    throw new ApiError("InvalidLimitException", "The Limit must be between 0 and 100.", 400);
  const query = parseQuery(expression);

  const fp = fingerprint("select", a.arn, expression);
  const token = ctx.input.NextToken as string | undefined;
  const offset = decodeToken(token, fp);
  if (offset === undefined)
    throw new ApiError("InvalidNextTokenException", "The specified next token is invalid.", 400);
  const cache = cacheFor(ctx);
  let all = token ? cache.get(fp) : undefined;
  if (!all) {
    const wanted = pinnedResourceTypes(query.where);
    const types = wanted
      ? CONFIG_TYPES.filter((t) => wanted.some((w) => w.toLowerCase() === t.toLowerCase()))
      : CONFIG_TYPES;
    all = aggregateRecords(ctx, a, types).filter((r) => !query.where || matches(r, query.where));
    cache.set(fp, all);
    if (cache.size > 8) cache.delete(cache.keys().next().value!);
  }
  const size = Math.min(limit || 25, ctx.world.spec.limits?.maxPageSize ?? Infinity);
  const page = pageOf(all, offset, size, fp);
  return {
    Results: page.items.map((r) => project(r, query.select)),
    QueryInfo: { SelectFields: query.select.map((Name) => ({ Name })) },
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export const config: ServiceModule = {
  actions: {
    DescribeConfigurationAggregators: describeConfigurationAggregators,
    SelectAggregateResourceConfig: selectAggregateResourceConfig,
  },
};
